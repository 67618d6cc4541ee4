package io.tidemark.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.amazon.deequ.AnomalyCheckConfig;
import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilderWithRepository;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.checks.CheckStatus;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;
import io.tidemark.config.DatasetSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.Predef;
import scala.collection.JavaConverters;

/**
 * The metric history of the datasets in the lake, Deequ's {@link FileSystemMetricsRepository} at
 * {@code <lake>/_tidemark/quality/<dataset>/metrics.json}: one entry per dataset, run and partition (the partition's
 * row count, tagged with the partition, its hour of day and the run id), and Deequ's anomaly detection on it: a
 * partition's row count that dropped below {@link #MAX_RATE_DECREASE} of the last count of the same hour of day
 * is reported as a warning. The first count of an hour of day is only recorded.
 */
public final class RowCountHistory {
    /** A count below this share of the same hour's previous count is an anomaly. */
    public static final double MAX_RATE_DECREASE = 0.5;
    public static final String HOUR_TAG = "hour_of_day";
    public static final String PARTITION_TAG = "partition";
    public static final String RUN_TAG = "run_id";

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
     * Records the row count of each partition of a written version and checks it against the history of the same
     * hour of day (all days, for a daily dataset).
     *
     * @return the anomalies, as {@code "<dataset>: <rule>: observed <count>"}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<String> checkAndRecord(DatasetSchema schema, Dataset<Row> written, String runId, long recordedAt) {
        List<String> partitioning = schema.partitioning();
        if (partitioning.isEmpty()) {
            return List.of();
        }
        FileSystemMetricsRepository repository = repository(schema.dataset());
        List<String> anomalies = new ArrayList<>();
        List<Row> partitions = written.select(partitioning.stream().map(p -> col(p)).toArray(Column[]::new)).distinct().collectAsList();
        for (Row partition : partitions) {
            Map<String, String> values = new LinkedHashMap<>();
            Column inPartition = lit(true);
            for (int i = 0; i < partitioning.size(); i++) {
                values.put(partitioning.get(i), partition.getString(i));
                inPartition = inPartition.and(col(partitioning.get(i)).equalTo(partition.getString(i)));
            }
            String hour = values.getOrDefault("hr", "day");
            String label = String.join("/", values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            String rule = "Anomaly RowCount of " + label + " against hour " + hour + " of earlier days (RelativeRateOfChange, max decrease "
                    + MAX_RATE_DECREASE + ")";
            AnomalyCheckConfig config = new AnomalyCheckConfig(CheckLevel.Warning(), rule,
                    scalaMap(Map.of(HOUR_TAG, hour)), Option.empty(), Option.empty());
            ResultKey key = new ResultKey(recordedAt, scalaMap(Map.of(HOUR_TAG, hour, PARTITION_TAG, label, RUN_TAG, runId)));
            VerificationRunBuilderWithRepository run = new VerificationSuite().onData(written.filter(inPartition))
                    .useRepository(repository).saveOrAppendResult(key);
            boolean firstOfItsHour = repository.load().withTagValues(scalaMap(Map.of(HOUR_TAG, hour))).get().isEmpty();
            VerificationResult result = firstOfItsHour ? run.addRequiredAnalyzer((Analyzer) new Size(Option.empty())).run()
                    : run.addAnomalyCheck(new RelativeRateOfChangeStrategy(Option.apply(MAX_RATE_DECREASE), Option.empty(), 1),
                            (Analyzer) new Size(Option.empty()), Option.apply(config)).run();
            if (result.status() != CheckStatus.Success()) {
                for (CheckResult check : JavaConverters.asJavaCollection(result.checkResults().values())) {
                    for (ConstraintResult constraint : JavaConverters.seqAsJavaList(check.constraintResults())) {
                        if (constraint.status() != com.amazon.deequ.constraints.ConstraintStatus.Success()) {
                            anomalies.add(schema.dataset() + ": " + rule + ": observed "
                                    + constraint.metric().map(m -> m.value().toOption().map(String::valueOf).getOrElse(() -> "?")).getOrElse(() -> "?")
                                    + (constraint.message().isDefined() ? " (" + constraint.message().get() + ")" : ""));
                        }
                    }
                }
            }
        }
        return anomalies;
    }

    static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
        return JavaConverters.mapAsScalaMapConverter(map).asScala().toMap(Predef.$conforms());
    }
}
