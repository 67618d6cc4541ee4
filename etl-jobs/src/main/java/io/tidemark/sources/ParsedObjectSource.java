package io.tidemark.sources;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKeyColumn;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Reads landed objects with an {@link ObjectParser} inside Spark tasks (one task per group of objects, objects
 * streamed, never read whole by Spark's JSON or CSV readers) and lays the rows out for the conform stage:
 * schema columns, lineage, and the event-time partition columns ({@code dt} and, for hourly datasets, {@code hr}).
 */
public final class ParsedObjectSource implements SourceReader {
    private final ObjectParser parser;
    private final HadoopConf hadoopConf;
    private final String landingRoot;
    private final Duration lateArrivalHorizon;
    private final ZoneId arrivalZone;
    private final PartitionKeyReader partitionKeys;
    private final ErrorOutputTypeReader errorOutputTypes;

    /**
     * A source whose objects are all delivered records (no partition keys, no error output).
     *
     * @param lateArrivalHorizon how far before its object's arrival time an event may lie; older events are
     *                           quarantined as {@link ReasonCode#TOO_LATE}; empty: no horizon (CDC feeds, reference data)
     * @param arrivalZone        the time zone of the times in object names (the stream's {@code CustomTimeZone})
     */
    public ParsedObjectSource(ObjectParser parser, HadoopConf hadoopConf, String landingRoot,
                              Optional<Duration> lateArrivalHorizon, ZoneId arrivalZone) {
        this(parser, hadoopConf, landingRoot, lateArrivalHorizon, arrivalZone, PartitionKeyReader.NONE,
                ErrorOutputTypeReader.NONE);
    }

    /**
     * @param partitionKeys    reads each object's dynamic partitioning key values from its key
     *                         ({@link LandedObject#partitionValues()}), laid out as the job's key columns in every row
     * @param errorOutputTypes reads each object's error-output type from its key ({@link LandedObject#errorOutput()})
     */
    public ParsedObjectSource(ObjectParser parser, HadoopConf hadoopConf, String landingRoot,
                              Optional<Duration> lateArrivalHorizon, ZoneId arrivalZone, PartitionKeyReader partitionKeys,
                              ErrorOutputTypeReader errorOutputTypes) {
        this.partitionKeys = requireNonNull(partitionKeys, "partitionKeys is null");
        this.errorOutputTypes = requireNonNull(errorOutputTypes, "errorOutputTypes is null");
        this.parser = parser;
        this.hadoopConf = hadoopConf;
        this.landingRoot = landingRoot;
        this.lateArrivalHorizon = requireNonNull(lateArrivalHorizon, "lateArrivalHorizon is null").orElse(null);
        this.arrivalZone = requireNonNull(arrivalZone, "arrivalZone is null");
    }

    /**
     * One Spark job parses every object once: the tasks stream each object's items ({@link HandOffIterator}) into one
     * columnar cache of {@link SourceItemLayout} rows (spilled to disk only when memory runs short), and the object
     * reports and the objects that changed after they were listed are collected from it; the datasets and the
     * quarantine are then read from that cache, without the rows of changed objects.
     */
    @Override
    public SourceBatch read(SparkSession spark, List<LandingObject> objects, RunContext context) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<List<LandingObject>> slices = ObjectSlices.of(objects, jsc.defaultParallelism() * 4, ObjectSlices.TARGET_BYTES);
        // broadcast: a task carries the id, not the whole Configuration. Every task of every job that reads the
        // cached rows deserializes this RDD's lineage, this closure included
        Broadcast<HadoopConf> conf = jsc.broadcast(hadoopConf);
        ObjectTask task = new ObjectTask(parser, conf, landingRoot, context, lateArrivalHorizon, arrivalZone, partitionKeys,
                errorOutputTypes);
        SourceItemLayout layout = new SourceItemLayout(parser.datasets(), partitionKeys.columns());
        JavaRDD<Row> items = jsc.parallelize(slices, Math.max(1, slices.size())).flatMap(slice -> laidOut(slice, task, layout));
        Dataset<Row> all = spark.createDataFrame(items, layout.struct());
        all.persist(StorageLevel.MEMORY_AND_DISK());
        spark.sparkContext().setJobDescription("tidemark " + context.job() + " " + context.window() + ": read " + objects.size() + " objects");
        SourceItemLayout.Outcomes outcomes = layout.outcomes(all);
        // every row an object yields is in its report (a partition of its dataset, a quarantine reason): a dataset or a
        // quarantine no report names is empty, and planned as such (limit 0: Spark runs no job to find out)
        Set<String> fed = new HashSet<>();
        outcomes.reports().forEach(r -> r.partitions().forEach(p -> fed.add(p.dataset())));
        Map<String, Dataset<Row>> datasets = new LinkedHashMap<>();
        for (String dataset : parser.datasets()) {
            Dataset<Row> rows = layout.dataset(all, dataset, outcomes.changed());
            datasets.put(dataset, fed.contains(dataset) ? rows : rows.limit(0));
        }
        Dataset<Row> quarantine = layout.quarantine(all, outcomes.changed());
        boolean quarantined = outcomes.reports().stream().anyMatch(r -> r.quarantined() > 0);
        return new SourceBatch(datasets, quarantined ? quarantine : quarantine.limit(0), outcomes.reports(), () -> {
                    all.unpersist();
                    conf.unpersist();
                },
                outcomes.changed());
    }

    /** The items of a slice's objects as rows of the layout, one at a time: an object is parsed once the one before it ended. */
    private static Iterator<Row> laidOut(List<LandingObject> slice, ObjectTask task, SourceItemLayout layout) {
        Iterator<LandingObject> objects = slice.iterator();
        return new Iterator<>() {
            private String uri;
            private Iterator<SourceItem> items = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext() && objects.hasNext()) {
                    LandingObject object = objects.next();
                    uri = object.uri();
                    items = task.read(object);
                }
                return items.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return layout.toRow(uri, items.next());
            }
        };
    }

    /**
     * What the task needs to know about an object beyond its bytes.
     *
     * @param partitionKeys    reads the object's dynamic partitioning key values from its key
     * @param errorOutputTypes reads the object's error-output type from its key
     */
    static LandedObject describe(LandingObject object, String landingRoot, RunContext context, ZoneId arrivalZone,
                                 PartitionKeyReader partitionKeys, ErrorOutputTypeReader errorOutputTypes) {
        // the key as discovery matched it against the prefixes (whatever form of the root's URI the config uses)
        String key = ObjectDiscovery.keyUnder(landingRoot, new Path(object.uri()));
        Instant arrival = FirehoseObjectKey.parse(key, arrivalZone).map(FirehoseObjectKey::arrival).orElse(null);
        return new LandedObject(object.uri(), key, arrival, errorOutputTypes.typeOf(key), context.window().date(),
                partitionKeys.valuesOf(key));
    }

    /** The per-object work, shipped to Spark tasks. */
    static final class ObjectTask implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ObjectParser parser;
        private final Broadcast<HadoopConf> hadoopConf;
        private final String landingRoot;
        private final RunContext context;
        private final Duration lateArrivalHorizon;
        private final ZoneId arrivalZone;
        private final PartitionKeyReader partitionKeys;
        private final ErrorOutputTypeReader errorOutputTypes;

        ObjectTask(ObjectParser parser, Broadcast<HadoopConf> hadoopConf, String landingRoot, RunContext context, Duration lateArrivalHorizon,
                   ZoneId arrivalZone, PartitionKeyReader partitionKeys, ErrorOutputTypeReader errorOutputTypes) {
            this.partitionKeys = partitionKeys;
            this.errorOutputTypes = errorOutputTypes;
            this.parser = parser;
            this.hadoopConf = hadoopConf;
            this.landingRoot = landingRoot;
            this.context = context;
            this.lateArrivalHorizon = lateArrivalHorizon;
            this.arrivalZone = arrivalZone;
        }

        /**
         * The object's items, streamed: parsed in a producer thread only as far ahead of the task as the hand-off
         * allows; the producer is stopped when the task ends, however it ends. Rows of an object that turns out to
         * have changed since the listing are followed by {@link SourceItem.Changed} and no report.
         */
        Iterator<SourceItem> read(LandingObject object) {
            HandOffIterator<SourceItem> items = new HandOffIterator<>("tidemark-parse " + object.uri(), out -> parse(object, out));
            TaskContext task = TaskContext.get();
            if (task != null) {
                // runs when the task succeeded, failed or was killed: a reader that stopped early ends the producer
                task.addTaskCompletionListener((TaskCompletionListener) done -> items.close());
            }
            return items;
        }

        private void parse(LandingObject object, Consumer<SourceItem> out) {
            LandedObject landed = describe(object, landingRoot, context, arrivalZone, partitionKeys, errorOutputTypes);
            Collector collector = new Collector(landed, context, lateArrivalHorizon, partitionKeys.columns(), out);
            MessageDigest md5 = md5();
            try (ListedObjectStream listed = ListedObjectStream.open(hadoopConf.value().get(), object);
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
                    // rewritten since the listing (whatever the parser made of the failed read): the reader drops
                    // every item of it
                    out.accept(new SourceItem.Changed(object.uri()));
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read landed object " + object.uri() + ": " + e.getMessage(), e);
            }
            out.accept(new SourceItem.Done(new ObjectReport(object.uri(), object.size(), object.version(),
                    HexFormat.of().formatHex(md5.digest()), collector.rowsIn, collector.controlMessages,
                    collector.quarantinedByReason, collector.partitions())));
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
        /** {@code hr} partition values: formatting them per row cost more than parsing the row's fields. */
        private static final String[] HOURS = IntStream.range(0, 24)
                .mapToObj(hour -> String.format("%02d", hour)).toArray(String[]::new);
        private static final long SECONDS_PER_DAY = 86_400;
        private static final long SECONDS_PER_HOUR = 3_600;
        private final LandedObject object;
        private final RunContext context;
        private final Instant oldestAccepted;
        private final Duration lateArrivalHorizon;
        private final List<PartitionKeyColumn> keyColumns;
        private final Map<String, DatasetSchema> schemas = new LinkedHashMap<>();
        private final Consumer<SourceItem> items;
        /** The partition values each dataset's rows fell in, per dataset (keys are built once, in {@link #partitions()}). */
        private final Map<String, Set<List<String>>> partitionValues = new LinkedHashMap<>();
        private long rowsIn;
        private final Map<String, Long> quarantinedByReason = new TreeMap<>();
        private long controlMessages;
        private long lastEpochDay;
        private String lastDayValue;

        Collector(LandedObject object, RunContext context, Duration lateArrivalHorizon, List<PartitionKeyColumn> keyColumns,
                  Consumer<SourceItem> items) {
            this.object = object;
            this.keyColumns = keyColumns;
            this.items = items;
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
            // UTC day and hour by arithmetic: a ZonedDateTime per row cost more than splitting the row's fields
            long seconds = eventTime.getEpochSecond();
            long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
            int hour = (int) (Math.floorMod(seconds, SECONDS_PER_DAY) / SECONDS_PER_HOUR);
            List<String> partitioning = schema.partitioning();
            boolean addsNewFields = schema.evolution().addsNewFields();
            Object[] row = new Object[values.length + (addsNewFields ? 4 : 3) + keyColumns.size() + partitioning.size()];
            System.arraycopy(values, 0, row, 0, values.length);
            int at = values.length;
            row[at++] = object.uri();
            row[at++] = offset;
            row[at++] = object.arrival() == null ? null : Timestamp.from(object.arrival());
            if (addsNewFields) {
                row[at++] = newFields == null ? null : scalaMap(newFields);
            }
            for (PartitionKeyColumn key : keyColumns) {
                row[at++] = object.partitionValues().get(key.key());
            }
            String[] partitionValue = new String[partitioning.size()];
            int column = 0;
            for (String name : partitioning) {
                String value = switch (name) {
                    case "dt" -> day(epochDay);
                    case "hr" -> HOURS[hour];
                    default -> throw new IllegalStateException("Cannot derive partition column '" + name + "' of " + dataset);
                };
                row[at++] = value;
                partitionValue[column++] = value;
            }
            rowsIn++;
            partitionValues.computeIfAbsent(dataset, d -> new HashSet<>()).add(Arrays.asList(partitionValue));
            items.accept(new SourceItem.Curated(dataset, RowFactory.create(row)));
        }

        /** The {@code dt} value of a day (days since 1970-01-01); an object's rows mostly share one, formatted once. */
        private String day(long epochDay) {
            if (epochDay != lastEpochDay || lastDayValue == null) {
                lastEpochDay = epochDay;
                lastDayValue = LocalDate.ofEpochDay(epochDay).toString();
            }
            return lastDayValue;
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
            items.accept(new SourceItem.Quarantined(QuarantineRows.toRow(record, dataset, context)));
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
