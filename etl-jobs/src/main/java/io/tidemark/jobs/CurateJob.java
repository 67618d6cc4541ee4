package io.tidemark.jobs;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.ConditionalPublish;
import io.tidemark.catalog.MergeBase;
import io.tidemark.catalog.PublishConflictException;
import io.tidemark.catalog.PublishedPartitionReader;
import io.tidemark.catalog.TableLocks;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.conform.MergedPartitions;
import io.tidemark.config.PartitionKey;
import io.tidemark.conform.PartitionMerger;
import io.tidemark.conform.PublishedRows;
import io.tidemark.conform.evolution.EvolvedDataset;
import io.tidemark.conform.evolution.SchemaChangeLog;
import io.tidemark.conform.evolution.SchemaEvolution;
import io.tidemark.conform.evolution.SchemaRecords;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.StorageEndpoint;
import io.tidemark.lake.LakeLayout;
import io.tidemark.lake.ParquetFolders;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.lake.PartitionVersionWriter;
import io.tidemark.landing.HadoopConf;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.Ledger;
import io.tidemark.landing.LedgerEntry;
import io.tidemark.landing.ObjectDiscovery;
import io.tidemark.landing.RunContext;
import io.tidemark.landing.RunOrigin;
import io.tidemark.ErrorCode;
import io.tidemark.quality.QualityOutcome;
import io.tidemark.ops.RunResult;
import io.tidemark.TidemarkException;
import io.tidemark.landing.ReasonCode;
import io.tidemark.quality.DatasetRules;
import io.tidemark.quality.QualityGate;
import io.tidemark.quality.QualityRulesets;
import io.tidemark.quality.RowCountHistory;
import io.tidemark.quality.RowLevelScreen;
import io.tidemark.quality.RunWindow;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.ObjectReport;
import io.tidemark.sources.QuarantineRows;
import io.tidemark.sources.SourceBatch;
import io.tidemark.sources.SourceReader;
import io.tidemark.sources.registry.ObjectParsers;
import io.tidemark.sources.ParsedObjectSource;
import io.tidemark.sources.ErrorOutputTypeReader;
import io.tidemark.sources.PartitionKeyReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One job over one window, from the landing zone to published partitions:
 * discover new objects -> decode and parse (source) -> dedup and merge (conform) -> write versions (lake) ->
 * quality gate (audit) -> point the catalog at the new versions (publish). The caller records the objects in the
 * ledger ({@link CurateOutcome#commitLedger()}) once everything downstream (the warehouse load) succeeded.
 * Another process on the same tables waits for the tables' leases ({@link TableLocks}); a partition is published
 * only if the catalog still points where the merge read ({@link ConditionalPublish}), else the run merges again
 * against the new version, up to {@link #PUBLISH_ATTEMPTS} times, then fails with {@code CONCURRENT_RUN}.
 * A failure before that leaves the published state as it was before, or with some partitions already moved to
 * complete new versions; the next run reads the same objects again and converges.
 */
public final class CurateJob {
    /** Merge-write-audit-publish rounds when another run publishes the same partitions meanwhile. */
    static final int PUBLISH_ATTEMPTS = 3;
    private final SparkSession spark;
    private final RuntimeConfig config;
    private final Catalog catalog;
    private final LakeLayout layout;
    private final PartitionMerger merger = new PartitionMerger();
    private final PartitionVersionWriter writer = new PartitionVersionWriter();
    private final QualityGate gate;
    private final RowLevelScreen screen = new RowLevelScreen();
    private final RowCountHistory history;
    private final TableLocks locks;
    private final RunHooks hooks;
    private final OverlapSafety safety;

    public CurateJob(SparkSession spark, RuntimeConfig config, Catalog catalog) {
        this(spark, config, catalog, new TableLocks(), RunHooks.NONE);
    }

    public CurateJob(SparkSession spark, RuntimeConfig config, Catalog catalog, TableLocks locks, RunHooks hooks) {
        this(spark, config, catalog, locks, hooks, OverlapSafety.FULL);
    }

    /**
     * @param locks shared by the runs of one process, so parallel windows merge and publish a table one at a time
     * @param hooks {@link RunHooks#NONE} except in tests that simulate crashes
     * @param safety {@link OverlapSafety#FULL} except in tests that show the race
     */
    public CurateJob(SparkSession spark, RuntimeConfig config, Catalog catalog, TableLocks locks, RunHooks hooks,
                     OverlapSafety safety) {
        this.spark = spark;
        this.config = config;
        this.catalog = catalog;
        this.layout = new LakeLayout(config.lakeRoot());
        this.locks = locks;
        this.hooks = hooks;
        this.safety = safety;
        this.gate = new QualityGate(new QualityRulesets(config.quality()));
        this.history = new RowCountHistory(spark, config.lakeRoot());
    }

    /** A scheduled run of the window. */
    public CurateOutcome run(JobSpec spec, LandingWindow window) {
        return run(spec, window, RunOrigin.SCHEDULED);
    }

    public CurateOutcome run(JobSpec spec, LandingWindow window, RunOrigin origin) {
        long started = System.currentTimeMillis();
        Instant startedAt = Instant.now();
        RunContext context = new RunContext(spec.job(), RunIds.next(startedAt), window, startedAt);
        HadoopConf hadoopConf = new HadoopConf(spark.sparkContext().hadoopConfiguration());

        Ledger ledger = new Ledger(hadoopConf.get(), config.lakeRoot(), spec.job());
        List<LandingObject> listed;
        try {
            listed = new ObjectDiscovery(hadoopConf.get()).list(config.landingRoot(), spec, window);
        } catch (UncheckedIOException e) {
            throw new TidemarkException(ErrorCode.INPUT_UNREADABLE, e.getMessage()
                    + StorageEndpoint.of(config.landingRoot(), hadoopConf.get())
                    + " (check landingRoot in the runtime config and the credentials for it)", e);
        }
        Set<String> processed = ledger.processedIdentities(window, spec.landingLayout());
        List<LandingObject> fresh = listed.stream().filter(o -> !processed.contains(o.identity())).toList();
        if (fresh.isEmpty()) {
            return new CurateOutcome(RunResult.skipped(spec.job(), context.runId(), window.label(),
                    System.currentTimeMillis() - started), Map.of(), () -> { });
        }

        Map<String, DatasetRules> rules = rules(spec);
        return curate(spec, window, origin, context, rules, sourceFor(spec, hadoopConf).read(spark, fresh, context),
                ledger, hadoopConf, started);
    }

    /**
     * Curates rows a replay took back from the job's quarantine ({@link QuarantineReplay}) through the same
     * evolve, screen, merge, write, audit and publish steps as landed objects; there are no objects, so nothing is
     * recorded in the ledger.
     */
    CurateOutcome replay(JobSpec spec, RunContext context, java.util.function.Supplier<SourceBatch> source) {
        long started = System.currentTimeMillis();
        HadoopConf hadoopConf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        Map<String, DatasetRules> rules = rules(spec);
        return curate(spec, context.window(), RunOrigin.SCHEDULED, context, rules, source.get(),
                new Ledger(hadoopConf.get(), config.lakeRoot(), spec.job()), hadoopConf, started);
    }

    private Map<String, DatasetRules> rules(JobSpec spec) {
        Map<String, DatasetRules> rules = new LinkedHashMap<>();
        spec.datasets().forEach(dataset -> rules.put(dataset, gate.rules(dataset)));
        rules.put(QuarantineRows.SCHEMA, gate.rules(QuarantineRows.SCHEMA));
        return rules;
    }

    private CurateOutcome curate(JobSpec spec, LandingWindow window, RunOrigin origin, RunContext context,
                                 Map<String, DatasetRules> rules, SourceBatch batch, Ledger ledger, HadoopConf hadoopConf,
                                 long started) {
        if (!batch.changedObjects().isEmpty()) {
            System.err.println("tidemark " + spec.job() + " " + window.label() + ": " + batch.changedObjects().size()
                    + " object(s) changed after they were listed, left for the next run: " + batch.changedObjects());
        }
        List<TableRef> tables = new ArrayList<>();
        spec.datasets().forEach(dataset -> tables.add(new TableRef(config.catalog().curatedDatabase(), dataset)));
        tables.add(new TableRef(config.catalog().quarantineDatabase(), spec.job()));
        try (TableLocks.Held held = locks.acquire(tables, context.runId())) {
            // schema evolution: every dataset is planned before anything is written, so an incompatible change
            // publishes nothing of the job and leaves its objects unprocessed; then the evolved schemas are recorded
            // and the catalog tables get their new columns, before any partition is written
            SchemaEvolution evolution = new SchemaEvolution(new SchemaRecords(hadoopConf.get(), config.lakeRoot()),
                    new SchemaChangeLog(hadoopConf.get(), config.lakeRoot(), System.err), System.err);
            Map<String, EvolvedDataset> evolved = evolution.prepare(
                    spec.datasets().stream().map(DatasetSchemas::get).toList(), batch.datasets(), spec.partitionKeyColumns(), context);
            List<Target> targets = new ArrayList<>();
            Dataset<Row> quarantine = SchemaEvolution.quarantine(batch.quarantine(), evolved);
            long failedRowRules = 0;
            for (EvolvedDataset dataset : evolved.values()) {
                TableRef table = new TableRef(config.catalog().curatedDatabase(), dataset.schema().dataset());
                evolution.record(dataset, context);
                catalog.alignColumns(table, dataset, layout.tableRoot(LakeArea.CURATED, table.table()));
                RowLevelScreen.Screened screened = screen.screen(dataset.schema(), rules.get(dataset.schema().dataset()),
                        dataset.rows(), context);
                targets.add(new Target(dataset.schema(), table, LakeArea.CURATED, screened.kept(), rules.get(dataset.schema().dataset())));
                quarantine = quarantine.unionByName(screened.quarantined());
                failedRowRules += screened.quarantinedCount();
            }
            targets.add(new Target(DatasetSchemas.get(QuarantineRows.SCHEMA),
                    new TableRef(config.catalog().quarantineDatabase(), spec.job()), LakeArea.QUARANTINE, quarantine,
                    rules.get(QuarantineRows.SCHEMA)));

            for (int attempt = 1; ; attempt++) {
                try {
                    return mergeAndPublish(spec, window, origin, context, targets, batch, evolved, ledger, started, held, attempt,
                            failedRowRules);
                } catch (PublishConflictException e) {
                    if (attempt == PUBLISH_ATTEMPTS) {
                        throw new TidemarkException(ErrorCode.CONCURRENT_RUN, e.getMessage() + "; still conflicting after "
                                + PUBLISH_ATTEMPTS + " merges, so it was not published (nothing was overwritten); retry the run", e);
                    }
                    System.err.printf("tidemark: %s %s: %s; merging again (attempt %d of %d)%n", spec.job(), window,
                            e.getMessage(), attempt + 1, PUBLISH_ATTEMPTS);
                }
            }
        } finally {
            batch.release();
            spark.catalog().clearCache();
        }
    }

    /**
     * Merges the batch with what is published, writes the changed partitions' new versions, audits them and
     * publishes them where the catalog still points where the merge read; the caller holds the locks of every
     * target table. Attempt n > 1 writes its versions beside the earlier attempts' ({@code v-<run id>-n}).
     */
    private CurateOutcome mergeAndPublish(JobSpec spec, LandingWindow window, RunOrigin origin, RunContext context,
                                          List<Target> targets, SourceBatch batch, Map<String, EvolvedDataset> evolved,
                                          Ledger ledger, long started, TableLocks.Held held, int attempt,
                                          long failedRowRules) {
        long rowsOut = 0;
        long rowsDuplicate = 0;
        Map<Target, List<PartitionVersion>> written = new LinkedHashMap<>();
        Map<Target, MergeBase> bases = new LinkedHashMap<>();
        String versionId = attempt == 1 ? context.runId() : context.runId() + "-" + attempt;
        // rows per written version, from its files' footers: the rows added to new partitions, and the row count history
        ParquetFolders folders = new ParquetFolders(spark.sparkContext().hadoopConfiguration());
        Map<String, Long> footerRows = new HashMap<>();
        ToLongFunction<PartitionVersion> rowsOf = v -> footerRows.computeIfAbsent(v.location(), folders::rows);
        for (Target target : targets) {
            spark.sparkContext().setJobDescription("tidemark " + spec.job() + " " + window + ": merge " + target.table());
            MergeBase base = new MergeBase();
            bases.put(target, base);
            MergedPartitions merged = merger.merge(target.schema(), target.rows(), context, published(target, base));
            List<PartitionVersion> versions = writer.write(target.schema(), merged, versionRoot(target, versionId),
                    catalog.locations(target.table(), merged.changed()).values());
            if (!versions.isEmpty()) {
                written.put(target, versions);
            }
            if (target.area() == LakeArea.CURATED) {
                long added = merged.rowsNew().orElseGet(() -> versions.stream().mapToLong(rowsOf).sum());
                rowsOut += added;
                rowsDuplicate += merged.batchRows() - added;
            }
        }

        hooks.reached(FaultPoint.AFTER_WRITE, spec.job(), window);

        QualityOutcome quality = QualityOutcome.NONE;
        for (Target target : written.keySet()) {
            spark.sparkContext().setJobDescription("tidemark " + spec.job() + " " + window + ": audit " + target.table());
            Dataset<Row> version = spark.read().schema(DatasetStructs.curatedRow(target.schema())).parquet(versionRoot(target, versionId));
            quality = quality.plus(gate.check(target.rules(), version, RunWindow.of(context)));
        }
        if (!quality.failed().isEmpty()) {
            throw new QualityGateException(quality);
        }
        // the row count history takes each written partition's count from its files' footers: no second scan
        for (Map.Entry<Target, List<PartitionVersion>> entry : written.entrySet()) {
            if (entry.getKey().area() == LakeArea.CURATED) {
                Map<PartitionKey, Long> counts = new LinkedHashMap<>();
                entry.getValue().forEach(v -> counts.put(v.partition(), rowsOf.applyAsLong(v)));
                quality = quality.plus(new QualityOutcome(0, List.of(), history.checkAndRecord(entry.getKey().schema(), counts,
                        context.runId(), context.startedAt().toEpochMilli())));
            }
        }

        ConditionalPublish conditional = new ConditionalPublish(catalog);
        held.verify();
        if (safety.publishCheck()) {
            // every table first, so a conflict usually leaves all of them unpublished
            written.forEach((target, versions) -> conditional.requireUnchanged(target.table(), bases.get(target),
                    versions.stream().map(PartitionVersion::partition).toList()));
        }
        List<PartitionKey> partitions = new ArrayList<>();
        int published = 0;
        for (Map.Entry<Target, List<PartitionVersion>> entry : written.entrySet()) {
            if (published++ == 1) {
                hooks.reached(FaultPoint.DURING_PUBLISH, spec.job(), window);
            }
            Target target = entry.getKey();
            catalog.ensureTable(target.table(), target.schema(), layout.tableRoot(target.area(), target.table().table()));
            if (safety.publishCheck()) {
                conditional.publish(target.table(), entry.getValue(), bases.get(target));
            } else {
                catalog.publish(target.table(), entry.getValue());
            }
            if (target.area() == LakeArea.CURATED) {
                entry.getValue().forEach(v -> partitions.add(v.partition()));
            }
        }
        Map<String, List<PartitionVersion>> fed = fedPartitions(targets, batch.objects());
        List<LedgerEntry> entries = batch.objects().stream()
                .map(r -> new LedgerEntry(r.uri(), r.size(), r.version(), r.md5(), context.runId(), window.label(), r.partitions(),
                        origin.backfill()))
                .toList();

        Map<String, Long> reasons = new TreeMap<>(SchemaEvolution.quarantinedByReason(evolved));
        batch.objects().forEach(r -> r.quarantinedByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum)));
        if (failedRowRules > 0) {
            reasons.merge(ReasonCode.QUALITY_RULE.name(), failedRowRules, Long::sum);
        }
        List<ObjectReport> reports = batch.objects();
        RunResult result = RunResult.succeeded(spec.job(), context.runId(), window.label())
                .partitions(partitions)
                .rowsIn(reports.stream().mapToLong(ObjectReport::rowsIn).sum())
                .rowsOut(rowsOut)
                .rowsQuarantined(reports.stream().mapToLong(ObjectReport::quarantined).sum()
                        + evolved.values().stream().mapToLong(EvolvedDataset::quarantined).sum() + failedRowRules)
                .rowsDuplicate(rowsDuplicate)
                .quality(quality)
                .durationMs(System.currentTimeMillis() - started)
                .quarantinedByReason(reasons)
                .controlMessages(reports.stream().mapToLong(ObjectReport::controlMessages).sum())
                .objects(reports.size())
                .build();
        return new CurateOutcome(result, fed, () -> ledger.commit(window, context.runId(), entries));
    }

    /**
     * Every curated partition the window's objects fed, with the version published now: what the warehouse must
     * hold for this window, whether this run changed the partition or a previous run already did.
     */
    private Map<String, List<PartitionVersion>> fedPartitions(List<Target> targets, List<ObjectReport> reports) {
        Map<String, List<PartitionVersion>> fed = new LinkedHashMap<>();
        for (Target target : targets) {
            if (target.area() != LakeArea.CURATED) {
                continue;
            }
            String dataset = target.schema().dataset();
            List<PartitionKey> keys = reports.stream().flatMap(r -> r.partitions().stream())
                    .filter(key -> key.dataset().equals(dataset)).distinct().sorted().toList();
            List<PartitionVersion> versions = new ArrayList<>();
            catalog.locations(target.table(), keys).forEach((key, location) -> versions.add(new PartitionVersion(key, location)));
            fed.put(dataset, versions);
        }
        return fed;
    }

    private String versionRoot(Target target, String versionId) {
        return layout.versionRoot(target.area(), target.table().table(), versionId);
    }

    /** Reads the published partitions the merge asks for, and records in {@code base} where they were. */
    private PublishedRows published(Target target, MergeBase base) {
        return partitions -> {
            Map<PartitionKey, String> locations = catalog.locations(target.table(), partitions);
            base.record(partitions, locations);
            return new PublishedPartitionReader(spark, catalog).read(target.table(), target.schema(), partitions, locations);
        };
    }

    private SourceReader sourceFor(JobSpec spec, HadoopConf hadoopConf) {
        return new ParsedObjectSource(ObjectParsers.forSource(spec.source()), hadoopConf, config.landingRoot(),
                spec.lateArrivalHorizon(), spec.arrivalZone(),
                PartitionKeyReader.of(spec), ErrorOutputTypeReader.of(spec));
    }

    /** A table the run writes: a curated dataset or the job's quarantine. */
    private record Target(DatasetSchema schema, TableRef table, LakeArea area, Dataset<Row> rows, DatasetRules rules) {
    }

    /** An error-level quality check failed; nothing was published. */
    public static final class QualityGateException extends RuntimeException {
        private final QualityOutcome quality;

        public QualityGateException(QualityOutcome quality) {
            super("Cannot publish: blocking quality rules failed (schemas/quality/<dataset>.dqdl): "
                    + String.join("; ", quality.failed()));
            this.quality = quality;
        }

        public QualityOutcome quality() {
            return quality;
        }
    }
}
