package io.tidemark.jobs;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.ConditionalPublish;
import io.tidemark.catalog.MergeBase;
import io.tidemark.catalog.PublishConflictException;
import io.tidemark.catalog.TableLocks;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.conform.MergedPartitions;
import io.tidemark.config.PartitionKey;
import io.tidemark.conform.PartitionMerger;
import io.tidemark.lake.DataFile;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.lake.ParquetFolders;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.lake.PartitionVersionWriter;
import io.tidemark.ErrorCode;
import io.tidemark.quality.QualityOutcome;
import io.tidemark.TidemarkException;
import io.tidemark.quality.QualityGate;
import io.tidemark.quality.QualityRulesets;
import io.tidemark.sources.DatasetStructs;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rewrites a day's badly sized partitions of a job's curated datasets (every {@code hr} of the day for hourly
 * datasets, the {@code dt} partition for daily ones) into well sized new versions, through the same path as a
 * run: write a version beside the published one, check it (quality gate, and the same row count as the
 * published version), then point the catalog at it. A partition is badly sized when at least two of its files are
 * smaller than half the dataset's target: they could be fewer, bigger files (many small landing objects written
 * by an older Tidemark, an external writer). Well sized partitions are not touched, so compacting twice writes
 * nothing the second time. Old versions stay where they are until garbage-collected. It holds each table's
 * lock (and lease) while it compacts, and publishes only where the catalog still points where it read.
 */
public final class CompactJob {
    private final SparkSession spark;
    private final RuntimeConfig config;
    private final Catalog catalog;
    private final LakeLayout layout;
    private final PartitionVersionWriter writer = new PartitionVersionWriter();
    private final QualityGate gate;
    private final TableLocks locks;

    public CompactJob(SparkSession spark, RuntimeConfig config, Catalog catalog) {
        this(spark, config, catalog, new TableLocks());
    }

    /** @param locks the runtime's table locks, with the leases that keep runs of other processes out */
    public CompactJob(SparkSession spark, RuntimeConfig config, Catalog catalog, TableLocks locks) {
        this.locks = locks;
        this.spark = spark;
        this.config = config;
        this.catalog = catalog;
        this.layout = new LakeLayout(config.lakeRoot());
        this.gate = new QualityGate(new QualityRulesets(config.quality()));
    }

    /**
     * @param dataset  only this curated dataset of the job, or all of them
     * @param progress where each partition's files before and after are reported
     */
    public CompactOutcome run(JobSpec spec, LocalDate day, Optional<String> dataset, PrintStream progress) {
        if (dataset.isPresent() && !spec.datasets().contains(dataset.get())) {
            throw new ConfigException("Cannot compact dataset '" + dataset.get() + "' for job '" + spec.job()
                    + "': the job writes " + spec.datasets());
        }
        String runId = RunIds.next(Instant.now());
        ParquetFolders folders = new ParquetFolders(spark.sparkContext().hadoopConfiguration());
        List<PartitionCompaction> results = new ArrayList<>();
        QualityOutcome quality = QualityOutcome.NONE;
        try {
            for (String name : spec.datasets()) {
                if (dataset.isPresent() && !dataset.get().equals(name)) {
                    continue;
                }
                DatasetSchema schema = DatasetSchemas.get(name);
                TableRef table = new TableRef(config.catalog().curatedDatabase(), name);
                if (!catalog.tableExists(table)) {
                    progress.printf("tidemark: compact %s %s: %s has no table yet, nothing to compact%n", spec.job(), day, table);
                    continue;
                }
                try (TableLocks.Held held = locks.acquire(List.of(table), runId)) {
                    quality = quality.plus(compact(spec, day, schema, table, runId, folders, progress, results, held));
                }
            }
        } finally {
            spark.catalog().clearCache();
        }
        return new CompactOutcome(spec.job(), runId, day.toString(), results, quality);
    }

    private QualityOutcome compact(JobSpec spec, LocalDate day, DatasetSchema schema, TableRef table, String runId,
            ParquetFolders folders, PrintStream progress, List<PartitionCompaction> results, TableLocks.Held held) {
        long target = schema.targetFileBytes();
        Map<PartitionKey, String> published = catalog.locations(table, partitionsOf(schema, day));
        Map<PartitionKey, List<DataFile>> before = new LinkedHashMap<>();
        for (Map.Entry<PartitionKey, String> entry : published.entrySet()) {
            List<Long> sizes = folders.fileSizes(entry.getValue());
            if (sizes.stream().filter(size -> size < target / 2).count() >= 2) {
                before.put(entry.getKey(), folders.dataFiles(entry.getValue()));
            } else {
                long bytes = sizes.stream().mapToLong(Long::longValue).sum();
                results.add(new PartitionCompaction(entry.getKey(), sizes.size(), bytes, sizes.size(), bytes, -1, false));
                progress.printf("tidemark: compact %s: %d files, %s: well sized, left alone%n",
                        entry.getKey().label(), sizes.size(), megabytes(bytes));
            }
        }
        if (before.isEmpty()) {
            return QualityOutcome.NONE;
        }

        List<PartitionKey> keys = List.copyOf(before.keySet());
        spark.sparkContext().setJobDescription("tidemark compact " + spec.job() + " " + day + ": " + table);
        Dataset<Row> rows = spark.table(table.quoted())
                .where(PartitionMerger.inPartitions(schema.partitioning(), keys))
                .select(curatedColumns(schema));
        String versionRoot = layout.versionRoot(LakeArea.CURATED, table.table(), runId);
        List<PartitionVersion> versions = writer.write(schema, new MergedPartitions(rows, keys, 0, 0), versionRoot,
                keys.stream().map(published::get).toList());

        // compaction writes no row of its own: rules on this run's rows (run_window) see none
        QualityOutcome quality = gate.check(gate.rules(schema.dataset()), spark.read().schema(DatasetStructs.curatedRow(schema)).parquet(versionRoot),
                io.tidemark.quality.RunWindow.of(runId, io.tidemark.landing.LandingWindow.day(day)));
        if (!quality.failed().isEmpty()) {
            throw new CurateJob.QualityGateException(quality);
        }
        List<PartitionCompaction> done = new ArrayList<>();
        for (PartitionVersion version : versions) {
            List<DataFile> old = before.get(version.partition());
            List<DataFile> fresh = folders.dataFiles(version.location());
            long rowsBefore = old.stream().mapToLong(DataFile::rows).sum();
            long rowsAfter = fresh.stream().mapToLong(DataFile::rows).sum();
            if (rowsBefore != rowsAfter) {
                throw new TidemarkException(ErrorCode.INTERNAL, "Cannot publish the compacted " + version.partition().label()
                        + ": the new version " + version.location() + " holds " + rowsAfter + " rows, the published one "
                        + published.get(version.partition()) + " holds " + rowsBefore + "; nothing was published");
            }
            done.add(new PartitionCompaction(version.partition(), old.size(), bytes(old), fresh.size(), bytes(fresh),
                    rowsAfter, true));
        }
        held.verify();
        MergeBase base = new MergeBase();
        base.record(keys, published);
        try {
            new ConditionalPublish(catalog).publish(table, versions, base);
        } catch (PublishConflictException e) {
            throw new TidemarkException(ErrorCode.CONCURRENT_RUN, e.getMessage() + "; nothing was compacted there, retry", e);
        }
        for (PartitionCompaction c : done) {
            progress.printf("tidemark: compact %s: %d files, %s -> %d files, %s (%d rows)%n", c.partition().label(),
                    c.filesBefore(), megabytes(c.bytesBefore()), c.filesAfter(), megabytes(c.bytesAfter()), c.rows());
        }
        results.addAll(done);
        return quality;
    }

    /** Every {@code hr} partition of the day for an hourly dataset, the {@code dt} partition for a daily one. */
    static List<PartitionKey> partitionsOf(DatasetSchema schema, LocalDate day) {
        List<String> partitioning = schema.partitioning();
        if (partitioning.equals(List.of("dt"))) {
            return List.of(PartitionKey.of(schema.dataset(), partitioning, List.of(day.toString())));
        }
        if (partitioning.equals(List.of("dt", "hr"))) {
            List<PartitionKey> keys = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                keys.add(PartitionKey.of(schema.dataset(), partitioning, List.of(day.toString(), String.format("%02d", hour))));
            }
            return keys;
        }
        throw new ConfigException("Cannot compact " + schema.dataset() + ": partitioning " + partitioning
                + " is not by day ([dt]) or hour ([dt, hr]) (schemas/" + schema.dataset() + ".json)");
    }

    private static Column[] curatedColumns(DatasetSchema schema) {
        return Arrays.stream(DatasetStructs.curatedRow(schema).fieldNames()).map(Column::new).toArray(Column[]::new);
    }

    private static long bytes(List<DataFile> files) {
        return files.stream().mapToLong(DataFile::bytes).sum();
    }

    private static String megabytes(long bytes) {
        return String.format("%.2f MB", bytes / (1024.0 * 1024.0));
    }
}
