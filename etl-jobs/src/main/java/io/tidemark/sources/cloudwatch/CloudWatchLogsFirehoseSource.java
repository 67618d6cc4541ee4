package io.tidemark.sources.cloudwatch;

import io.tidemark.config.CloudWatchLogsSourceSpec;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.HadoopConf;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.RunContext;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.ObjectReport;
import io.tidemark.sources.QuarantineRows;
import io.tidemark.sources.SourceBatch;
import io.tidemark.sources.SourceItem;
import io.tidemark.sources.SourceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * CloudWatch Logs subscription records as Firehose lands them in S3, read with plain Java inside Spark tasks
 * (one task per group of objects): VPC flow logs to {@code vpc_flow_logs}, every other log group to
 * {@code app_logs}, bad records to the job's quarantine.
 */
public final class CloudWatchLogsFirehoseSource implements SourceReader {
    public static final String FLOW_DATASET = "vpc_flow_logs";
    public static final String APP_DATASET = "app_logs";

    private final CloudWatchLogsSourceSpec spec;
    private final HadoopConf hadoopConf;

    public CloudWatchLogsFirehoseSource(CloudWatchLogsSourceSpec spec, HadoopConf hadoopConf) {
        this.spec = spec;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public SourceBatch read(SparkSession spark, List<LandingObject> objects, RunContext context) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(objects.size(), jsc.defaultParallelism() * 4));
        ObjectTask task = new ObjectTask(spec, hadoopConf, context);
        JavaRDD<SourceItem> items = jsc.parallelize(objects, slices).flatMap(o -> task.read(o).iterator());
        items.persist(StorageLevel.MEMORY_AND_DISK());
        spark.sparkContext().setJobDescription("tidemark " + context.job() + " " + context.window() + ": read " + objects.size() + " objects");
        List<ObjectReport> reports = items.filter(i -> i instanceof SourceItem.Done)
                .map(i -> ((SourceItem.Done) i).report()).collect();
        return new SourceBatch(
                Map.of(FLOW_DATASET, curated(spark, items, FLOW_DATASET), APP_DATASET, curated(spark, items, APP_DATASET)),
                spark.createDataFrame(items.filter(i -> i instanceof SourceItem.Quarantined)
                        .map(i -> ((SourceItem.Quarantined) i).row()), QuarantineRows.struct()),
                reports,
                items::unpersist);
    }

    private static org.apache.spark.sql.Dataset<Row> curated(SparkSession spark, JavaRDD<SourceItem> items, String dataset) {
        JavaRDD<Row> rows = items.filter(i -> i instanceof SourceItem.Curated c && c.dataset().equals(dataset))
                .map(i -> ((SourceItem.Curated) i).row());
        return spark.createDataFrame(rows, DatasetStructs.sourceRow(DatasetSchemas.get(dataset)));
    }

    /** The per-object work, shipped to Spark tasks. */
    static final class ObjectTask implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final CloudWatchLogsSourceSpec spec;
        private final HadoopConf hadoopConf;
        private final RunContext context;

        ObjectTask(CloudWatchLogsSourceSpec spec, HadoopConf hadoopConf, RunContext context) {
            this.spec = spec;
            this.hadoopConf = hadoopConf;
            this.context = context;
        }

        List<SourceItem> read(LandingObject object) {
            CloudWatchObjectReader reader = new CloudWatchObjectReader(
                    spec.flowLogGroupRegex(), FlowLogFormat.parse(spec.flowLogFormat()), spec.maxRecordBytes());
            Collector collector = new Collector(object.uri(), context);
            MessageDigest md5 = md5();
            try {
                Path path = new Path(object.uri());
                FileSystem fs = FileSystem.get(URI.create(object.uri()), hadoopConf.get());
                try (InputStream in = new DigestInputStream(fs.open(path), md5)) {
                    ObjectReadSummary summary = reader.read(object.uri(), in, collector);
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    collector.items.add(new SourceItem.Done(new ObjectReport(object.uri(), object.size(), object.version(),
                            HexFormat.of().formatHex(md5.digest()), collector.rowsIn, summary.controlMessages(),
                            collector.quarantined, new ArrayList<>(collector.partitions))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read landed object " + object.uri() + ": " + e.getMessage(), e);
            }
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

    /** Turns decoded events into rows, remembering what the object fed. */
    private static final class Collector implements CloudWatchEventSink {
        private final String sourceObject;
        private final RunContext context;
        private final List<SourceItem> items = new ArrayList<>();
        private final TreeSet<String> partitions = new TreeSet<>();
        private long rowsIn;
        private long quarantined;

        Collector(String sourceObject, RunContext context) {
            this.sourceObject = sourceObject;
            this.context = context;
        }

        @Override
        public void flowLog(FlowLogEvent event) {
            Object[] fields = event.fields();
            int startIndex = FlowLogFormat.canonicalColumns().indexOf("start");
            long start = ((Number) fields[startIndex]).longValue();
            ZonedDateTime eventTime = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
            Object[] values = new Object[5 + fields.length + 4];
            fillContext(values, event.context());
            System.arraycopy(fields, 0, values, 5, fields.length);
            emit(FLOW_DATASET, values, 5 + fields.length, event.context().offset(), eventTime);
        }

        @Override
        public void appLog(AppLogEvent event) {
            ZonedDateTime eventTime = Instant.ofEpochMilli(event.context().timestampMs()).atZone(ZoneOffset.UTC);
            Object[] values = new Object[6 + 4];
            fillContext(values, event.context());
            values[5] = event.message();
            emit(APP_DATASET, values, 6, event.context().offset(), eventTime);
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            rowsIn++;
            quarantined++;
            items.add(new SourceItem.Quarantined(record.reason().name(), QuarantineRows.toRow(record, null, context)));
        }

        private static void fillContext(Object[] values, LogEventContext ctx) {
            values[0] = ctx.eventId();
            values[1] = new Timestamp(ctx.timestampMs());
            values[2] = ctx.owner();
            values[3] = ctx.logGroup();
            values[4] = ctx.logStream();
        }

        private void emit(String dataset, Object[] values, int at, long offset, ZonedDateTime eventTime) {
            String dt = eventTime.toLocalDate().toString();
            String hr = String.format("%02d", eventTime.getHour());
            values[at] = sourceObject;
            values[at + 1] = offset;
            values[at + 2] = dt;
            values[at + 3] = hr;
            rowsIn++;
            partitions.add(dataset + "/dt=" + dt + "/hr=" + hr);
            items.add(new SourceItem.Curated(dataset, RowFactory.create(values)));
        }
    }
}
