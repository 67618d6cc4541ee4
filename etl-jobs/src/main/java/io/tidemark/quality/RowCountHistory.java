package io.tidemark.quality;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.DetectionResult;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Entity;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.AnalysisResultSerde;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository$;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.Predef;
import scala.collection.JavaConverters;
import scala.runtime.BoxedUnit;
import scala.util.Success;

/**
 * The metric history of the datasets in the lake, Deequ's {@link FileSystemMetricsRepository} at
 * {@code <lake>/_tidemark/quality/<dataset>/metrics.json}: one entry per dataset, run and partition (the partition's
 * row count as Deequ's {@code Size} metric, tagged with the partition, its hour of day and the run id), and Deequ's
 * anomaly detection on it ({@link RelativeRateOfChangeStrategy}: a count below {@link #MAX_RATE_DECREASE} of the
 * previous comparable partition's is reported as a warning).
 *
 * <p>Like is compared with like: a partition of an hourly dataset with the earlier days' partitions of the same hour
 * of day, a partition of a daily dataset with the earlier partitions of the same day of week. A partition is only
 * recorded, not judged, while fewer than {@link #MIN_HISTORY} comparable earlier partitions are known or while their
 * median count is below {@link #MIN_BASELINE_ROWS} (a drop from 7 rows to 2 says nothing). Each call takes the
 * partitions' counts, reads the repository once and writes it once.
 */
public final class RowCountHistory {
    /** A count below this share of the previous comparable partition's is an anomaly. */
    public static final double MAX_RATE_DECREASE = 0.5;
    /** How many comparable earlier partitions the history needs before a partition is judged. */
    public static final int MIN_HISTORY = 3;
    /** The median count of the comparable earlier partitions below which a partition is not judged. */
    public static final long MIN_BASELINE_ROWS = 100;
    public static final String HOUR_TAG = "hour_of_day";
    public static final String PARTITION_TAG = "partition";
    public static final String RUN_TAG = "run_id";
    private static final String DAILY = "day";

    private final SparkSession spark;
    private final String lakeRoot;

    public RowCountHistory(SparkSession spark, String lakeRoot) {
        this.spark = spark;
        this.lakeRoot = lakeRoot;
    }

    public static String location(String lakeRoot, String dataset) {
        return lakeRoot + "/_tidemark/quality/" + dataset + "/metrics.json";
    }

    /** Every entry recorded for a dataset, as Deequ's JSON of successful metrics (tags as fields). */
    public String json(String dataset) {
        return repository(dataset).load().getSuccessMetricsAsJson(JavaConverters.asScalaBuffer(new ArrayList<String>()).toSeq());
    }

    public FileSystemMetricsRepository repository(String dataset) {
        return new FileSystemMetricsRepository(spark, location(lakeRoot, dataset));
    }

    /**
     * Records the row count of each partition of a written version (taken from its files' Parquet footers: no Spark
     * job) and judges it against the comparable earlier partitions (see the class comment).
     *
     * @return the anomalies, as {@code "<dataset>: <rule>: observed <count>"}
     */
    public List<String> checkAndRecord(DatasetSchema schema, Map<PartitionKey, Long> rowCounts, String runId, long recordedAt) {
        if (schema.partitioning().isEmpty()) {
            return List.of();
        }
        List<PartitionCount> counted = rowCounts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PartitionCount(e.getKey(), e.getValue())).toList();
        List<AnalysisResult> recorded = new ArrayList<>(JavaConverters.seqAsJavaList(repository(schema.dataset()).load().get()));

        // the newest count of every partition: the history, with this run's counts over what was recorded before
        Map<String, PartitionCount> latest = new LinkedHashMap<>();
        recorded.stream().sorted(Comparator.comparingLong(r -> r.resultKey().dataSetDate()))
                .forEach(r -> sizeOf(r).ifPresent(size -> {
                    String label = tag(r.resultKey(), PARTITION_TAG);
                    if (label != null) {
                        latest.put(label, new PartitionCount(PartitionKey.parse(schema.dataset() + "/" + label), size));
                    }
                }));
        counted.forEach(c -> latest.put(c.label(), c));

        List<String> anomalies = new ArrayList<>();
        for (PartitionCount partition : counted) {
            List<PartitionCount> comparable = latest.values().stream()
                    .filter(p -> p.time() < partition.time() && p.likeKey().equals(partition.likeKey()))
                    .sorted(Comparator.comparingLong(PartitionCount::time)).toList();
            if (comparable.size() < MIN_HISTORY || median(comparable) < MIN_BASELINE_ROWS) {
                continue;
            }
            List<DataPoint<Object>> history = comparable.stream()
                    .map(p -> new DataPoint<Object>(p.time(), Option.apply((Object) (double) p.rows()))).toList();
            DetectionResult result = new AnomalyDetector(new RelativeRateOfChangeStrategy(Option.apply(MAX_RATE_DECREASE), Option.empty(), 1))
                    .isNewPointAnomalous(JavaConverters.asScalaBuffer(history).toSeq(),
                            new DataPoint<>(partition.time(), Option.apply((Object) (double) partition.rows())));
            if (!result.anomalies().isEmpty()) {
                anomalies.add(schema.dataset() + ": Anomaly RowCount of " + partition.label() + " against " + partition.likeText()
                        + " (RelativeRateOfChange, max decrease " + MAX_RATE_DECREASE + ", previous "
                        + comparable.get(comparable.size() - 1).rows() + "): observed " + partition.rows());
            }
        }

        List<AnalysisResult> fresh = counted.stream().map(p -> new AnalysisResult(new ResultKey(recordedAt, scalaMap(Map.of(
                HOUR_TAG, p.hourTag(), PARTITION_TAG, p.label(), RUN_TAG, runId))), sizeContext(p.rows()))).toList();
        Set<ResultKey> replaced = new HashSet<>(fresh.stream().map(AnalysisResult::resultKey).toList());
        List<AnalysisResult> all = new ArrayList<>(recorded.stream().filter(r -> !replaced.contains(r.resultKey())).toList());
        all.addAll(fresh);
        write(schema.dataset(), all);
        return anomalies;
    }

    /** Writes the whole repository file once, as Deequ's {@code FileSystemMetricsRepository.save} does for one entry. */
    private void write(String dataset, List<AnalysisResult> results) {
        byte[] bytes = AnalysisResultSerde.serialize(JavaConverters.asScalaBuffer(results).toSeq()).getBytes(StandardCharsets.UTF_8);
        FileSystemMetricsRepository$.MODULE$.writeToFileOnDfs(spark, location(lakeRoot, dataset), out -> {
            try {
                out.write(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot write the metrics repository of " + dataset, e);
            }
            return BoxedUnit.UNIT;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AnalyzerContext sizeContext(long rows) {
        Map<Analyzer<?, Metric<?>>, Metric<?>> metrics = Map.of((Analyzer) new Size(Option.empty()),
                new DoubleMetric(Entity.Dataset(), "Size", "*", new Success<>((Object) (double) rows), Option.empty()));
        return new AnalyzerContext(JavaConverters.mapAsScalaMapConverter(metrics).asScala().toMap(Predef.$conforms()));
    }

    private static java.util.Optional<Long> sizeOf(AnalysisResult result) {
        for (Metric<?> metric : JavaConverters.seqAsJavaList(result.analyzerContext().allMetrics())) {
            if ("Size".equals(metric.name()) && metric.value().isSuccess()) {
                return java.util.Optional.of(((Number) metric.value().get()).longValue());
            }
        }
        return java.util.Optional.empty();
    }

    private static String tag(ResultKey key, String name) {
        Option<String> value = key.tags().get(name);
        return value.isDefined() ? value.get() : null;
    }

    private static long median(List<PartitionCount> counts) {
        List<Long> sorted = counts.stream().map(PartitionCount::rows).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
        return JavaConverters.mapAsScalaMapConverter(map).asScala().toMap(Predef.$conforms());
    }

    /** A partition's row count; hourly partitions are alike by hour of day, daily ones by day of week. */
    private record PartitionCount(PartitionKey key, long rows) {
        String label() {
            return key.path();
        }

        String hourTag() {
            return key.values().getOrDefault("hr", DAILY);
        }

        String likeKey() {
            String hour = key.values().get("hr");
            return hour != null ? "hr=" + hour : date() == null ? DAILY : date().getDayOfWeek().name();
        }

        String likeText() {
            String hour = key.values().get("hr");
            return hour != null ? "hour " + hour + " of earlier days"
                    : date() == null ? "earlier partitions" : "earlier " + date().getDayOfWeek().name().charAt(0)
                            + date().getDayOfWeek().name().substring(1).toLowerCase(java.util.Locale.ROOT) + "s";
        }

        LocalDate date() {
            String dt = key.values().get("dt");
            return dt == null ? null : LocalDate.parse(dt);
        }

        long time() {
            LocalDate date = date();
            String hour = key.values().get("hr");
            return date == null ? 0 : date.atStartOfDay(ZoneOffset.UTC).plusHours(hour == null ? 0 : Integer.parseInt(hour))
                    .toInstant().toEpochMilli();
        }
    }
}
