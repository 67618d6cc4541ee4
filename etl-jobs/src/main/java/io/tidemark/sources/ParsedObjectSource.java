package io.tidemark.sources;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKey;
import io.tidemark.landing.FirehoseObjectKey;
import io.tidemark.landing.HadoopConf;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.ObjectDiscovery;
import io.tidemark.landing.ListedObjectStream;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.landing.RunContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads landed objects with an {@link ObjectParser} inside Spark tasks (one task per group of objects, objects
 * streamed, never read whole by Spark's JSON or CSV readers) and lays the rows out for the conform stage:
 * schema columns, lineage, and the event-time partition columns ({@code dt} and, for hourly datasets, {@code hr}).
 */
public final class ParsedObjectSource implements SourceReader {
    /** Folders under a family prefix where Firehose writes error output rather than the family's records. */
    public static final Set<String> ERROR_OUTPUT_TYPES = Set.copyOf(ObjectDiscovery.ERROR_OUTPUT_FOLDERS);

    private final ObjectParser parser;
    private final HadoopConf hadoopConf;
    private final String landingRoot;
    private final Duration lateArrivalHorizon;
    private final ZoneId arrivalZone;

    /**
     * @param lateArrivalHorizon how far before its object's arrival time an event may lie; older events are
     *                           quarantined as {@link ReasonCode#TOO_LATE}; empty: no horizon (CDC feeds, reference data)
     * @param arrivalZone        the time zone of the times in object names (the stream's {@code CustomTimeZone})
     */
    public ParsedObjectSource(ObjectParser parser, HadoopConf hadoopConf, String landingRoot,
                              Optional<Duration> lateArrivalHorizon, ZoneId arrivalZone) {
        this.parser = parser;
        this.hadoopConf = hadoopConf;
        this.landingRoot = landingRoot;
        this.lateArrivalHorizon = requireNonNull(lateArrivalHorizon, "lateArrivalHorizon is null").orElse(null);
        this.arrivalZone = requireNonNull(arrivalZone, "arrivalZone is null");
    }

    @Override
    public SourceBatch read(SparkSession spark, List<LandingObject> objects, RunContext context) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(objects.size(), jsc.defaultParallelism() * 4));
        ObjectTask task = new ObjectTask(parser, hadoopConf, landingRoot, context, lateArrivalHorizon, arrivalZone);
        JavaRDD<SourceItem> items = jsc.parallelize(objects, slices).flatMap(o -> task.read(o).iterator());
        items.persist(StorageLevel.MEMORY_AND_DISK());
        spark.sparkContext().setJobDescription("tidemark " + context.job() + " " + context.window() + ": read " + objects.size() + " objects");
        // one pass over the parsed items for what the driver needs of every object: its report, or that it changed
        List<SourceItem> outcomes = items.filter(i -> i instanceof SourceItem.Done || i instanceof SourceItem.Changed).collect();
        List<ObjectReport> reports = outcomes.stream().filter(i -> i instanceof SourceItem.Done)
                .map(i -> ((SourceItem.Done) i).report()).toList();
        List<String> changed = outcomes.stream().filter(i -> i instanceof SourceItem.Changed)
                .map(i -> ((SourceItem.Changed) i).uri()).toList();
        Map<String, Dataset<Row>> datasets = new LinkedHashMap<>();
        for (String dataset : parser.datasets()) {
            JavaRDD<Row> rows = items.filter(i -> i instanceof SourceItem.Curated c && c.dataset().equals(dataset))
                    .map(i -> ((SourceItem.Curated) i).row());
            datasets.put(dataset, spark.createDataFrame(rows, DatasetStructs.sourceRow(DatasetSchemas.get(dataset))));
        }
        return new SourceBatch(datasets,
                spark.createDataFrame(items.filter(i -> i instanceof SourceItem.Quarantined)
                        .map(i -> ((SourceItem.Quarantined) i).row()), QuarantineRows.struct()),
                reports,
                items::unpersist,
                changed);
    }

    /** What the task needs to know about an object beyond its bytes. */
    static LandedObject describe(LandingObject object, String landingRoot, RunContext context, ZoneId arrivalZone) {
        String key = object.uri().startsWith(landingRoot + "/") ? object.uri().substring(landingRoot.length() + 1) : object.uri();
        String errorOutput = null;
        for (String segment : key.split("/")) {
            if (ERROR_OUTPUT_TYPES.contains(segment)) {
                errorOutput = segment;
            }
        }
        Instant arrival = FirehoseObjectKey.parse(key, arrivalZone).map(FirehoseObjectKey::arrival).orElse(null);
        return new LandedObject(object.uri(), key, arrival, errorOutput, context.window().date());
    }

    /** The per-object work, shipped to Spark tasks. */
    static final class ObjectTask implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ObjectParser parser;
        private final HadoopConf hadoopConf;
        private final String landingRoot;
        private final RunContext context;
        private final Duration lateArrivalHorizon;
        private final ZoneId arrivalZone;

        ObjectTask(ObjectParser parser, HadoopConf hadoopConf, String landingRoot, RunContext context, Duration lateArrivalHorizon,
                   ZoneId arrivalZone) {
            this.parser = parser;
            this.hadoopConf = hadoopConf;
            this.landingRoot = landingRoot;
            this.context = context;
            this.lateArrivalHorizon = lateArrivalHorizon;
            this.arrivalZone = arrivalZone;
        }

        List<SourceItem> read(LandingObject object) {
            LandedObject landed = describe(object, landingRoot, context, arrivalZone);
            Collector collector = new Collector(landed, context, lateArrivalHorizon);
            MessageDigest md5 = md5();
            try (ListedObjectStream listed = ListedObjectStream.open(hadoopConf.get(), object);
                 InputStream in = new DigestInputStream(listed, md5)) {
                try {
                    parser.parse(landed, in, collector);
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException | RuntimeException e) {
                    if (!listed.changed()) {
                        throw e;
                    }
                }
                if (listed.changed()) {
                    // rewritten since the listing (whatever the parser made of the failed read): keep nothing of it
                    return List.of(new SourceItem.Changed(object.uri()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read landed object " + object.uri() + ": " + e.getMessage(), e);
            }
            collector.items.add(new SourceItem.Done(new ObjectReport(object.uri(), object.size(), object.version(),
                    HexFormat.of().formatHex(md5.digest()), collector.rowsIn, collector.controlMessages,
                    collector.quarantinedByReason, collector.partitions())));
            return collector.items;
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Lays parsed records out as source rows, remembering what the object fed; sends events beyond the horizon to quarantine. */
    private static final class Collector implements RecordSink {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final LandedObject object;
        private final RunContext context;
        private final Instant oldestAccepted;
        private final Duration lateArrivalHorizon;
        private final Map<String, DatasetSchema> schemas = new LinkedHashMap<>();
        private final List<SourceItem> items = new ArrayList<>();
        /** The partition values each dataset's rows fell in, per dataset (keys are built once, in {@link #partitions()}). */
        private final Map<String, Set<List<String>>> partitionValues = new LinkedHashMap<>();
        private long rowsIn;
        private final Map<String, Long> quarantinedByReason = new TreeMap<>();
        private long controlMessages;

        Collector(LandedObject object, RunContext context, Duration lateArrivalHorizon) {
            this.object = object;
            this.context = context;
            this.lateArrivalHorizon = lateArrivalHorizon;
            this.oldestAccepted = object.arrival() == null || lateArrivalHorizon == null ? null
                    : object.arrival().minus(lateArrivalHorizon);
        }

        /** The partitions the object's rows fell in, sorted. */
        private List<PartitionKey> partitions() {
            List<PartitionKey> keys = new ArrayList<>();
            partitionValues.forEach((dataset, values) -> values.forEach(
                    value -> keys.add(PartitionKey.of(dataset, schemas.get(dataset).partitioning(), value))));
            keys.sort(null);
            return keys;
        }

        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            row(dataset, values, null, offset, eventTime);
        }

        @Override
        public void row(String dataset, Object[] values, Map<String, String> newFields, long offset, Instant eventTime) {
            DatasetSchema schema = schemas.computeIfAbsent(dataset, DatasetSchemas::get);
            if (values.length != schema.columns().size()) {
                throw new IllegalStateException("Cannot emit a " + dataset + " row: " + values.length
                        + " values for " + schema.columns().size() + " columns");
            }
            if (oldestAccepted != null && eventTime.isBefore(oldestAccepted)) {
                tooLate(dataset, schema, values, offset, eventTime);
                return;
            }
            ZonedDateTime time = eventTime.atZone(ZoneOffset.UTC);
            List<String> partitioning = schema.partitioning();
            boolean addsNewFields = schema.evolution().addsNewFields();
            Object[] row = new Object[values.length + (addsNewFields ? 4 : 3) + partitioning.size()];
            System.arraycopy(values, 0, row, 0, values.length);
            int at = values.length;
            row[at++] = object.uri();
            row[at++] = offset;
            row[at++] = object.arrival() == null ? null : Timestamp.from(object.arrival());
            if (addsNewFields) {
                row[at++] = newFields == null ? null : scalaMap(newFields);
            }
            String[] partitionValue = new String[partitioning.size()];
            int column = 0;
            for (String name : partitioning) {
                String value = switch (name) {
                    case "dt" -> time.toLocalDate().toString();
                    case "hr" -> String.format("%02d", time.getHour());
                    default -> throw new IllegalStateException("Cannot derive partition column '" + name + "' of " + dataset);
                };
                row[at++] = value;
                partitionValue[column++] = value;
            }
            rowsIn++;
            partitionValues.computeIfAbsent(dataset, d -> new HashSet<>()).add(Arrays.asList(partitionValue));
            items.add(new SourceItem.Curated(dataset, RowFactory.create(row)));
        }

        /** A Row's map value must be a Scala map. */
        private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> values) {
            scala.collection.immutable.Map<String, String> map = scala.collection.immutable.Map$.MODULE$.empty();
            for (Map.Entry<String, String> entry : values.entrySet()) {
                map = map.$plus(new scala.Tuple2<>(entry.getKey(), entry.getValue()));
            }
            return map;
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            quarantine(record, null);
        }

        private void quarantine(QuarantineRecord record, String dataset) {
            rowsIn++;
            quarantinedByReason.merge(record.reason().name(), 1L, Long::sum);
            items.add(new SourceItem.Quarantined(QuarantineRows.toRow(record, dataset, context)));
        }

        /** The parsed record, as JSON of its columns, goes to quarantine: its partition is closed. */
        private void tooLate(String dataset, DatasetSchema schema, Object[] values, long offset, Instant eventTime) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                // times as UTC instants, so a replay reads them back whatever the JVM's time zone
                record.put(schema.columns().get(i).name(), values[i] == null ? null
                        : values[i] instanceof Timestamp t ? t.toInstant().toString() : values[i].toString());
            }
            String raw;
            try {
                raw = JSON.writeValueAsString(record);
            } catch (JsonProcessingException e) {
                raw = record.toString();
            }
            quarantine(new QuarantineRecord(object.uri(), offset, ReasonCode.TOO_LATE, "event time " + eventTime
                    + " is more than " + lateArrivalHorizon.toDays() + " days (lateArrivalHorizonDays of job '"
                    + context.job() + "') before the object's arrival " + object.arrival(), raw), dataset);
        }

        @Override
        public void control() {
            controlMessages++;
        }
    }
}
