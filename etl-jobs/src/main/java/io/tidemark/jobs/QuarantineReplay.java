package io.tidemark.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.PublishedPartitionReader;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.PartitionKeyColumn;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.PartitionKey;
import io.tidemark.landing.FirehoseObjectKey;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.ObjectDiscovery;
import io.tidemark.landing.ReasonCode;
import io.tidemark.landing.RunContext;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.quality.QualityRulesets;
import io.tidemark.quality.RowLevelScreen;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.PartitionKeyReader;
import io.tidemark.sources.QuarantineRows;
import io.tidemark.sources.SourceBatch;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code tidemark replay}: takes a job's quarantined records of one reason back through the curate path once their
 * cause is fixed. {@code TOO_LATE} and {@code QUALITY_RULE} rows hold the parsed record as JSON of its columns (the
 * other reasons hold raw record text). A {@code TOO_LATE} row is replayed when its event time lies within the job's
 * current late-arrival horizon before its object's arrival time (read from the object's Firehose name, as the first
 * run did); a {@code QUALITY_RULE} row when it passes its dataset's current row-level rules (after a ruleset was
 * relaxed). Columns the dataset gained by schema evolution after the shipped schema are not in the replayed row. Replayed rows are merged by key like any redelivery, and marked in
 * {@link ReplayMarkers}, so a second replay finds nothing new; rows that still fail are left in quarantine untouched.
 */
public final class QuarantineReplay {
    /** The reasons whose quarantine rows hold a curated row that can go back through the curate path. */
    public static final Set<ReasonCode> REPLAYABLE = Set.of(ReasonCode.TOO_LATE, ReasonCode.QUALITY_RULE);
    private static final String ARRIVAL = "_arrival";
    private static final String OLDEST_ACCEPTED = "_oldest_accepted";

    private final SparkSession spark;
    private final RuntimeConfig config;
    private final Catalog catalog;
    private final PrintStream progress;
    private final QualityRulesets rulesets;

    public QuarantineReplay(SparkSession spark, RuntimeConfig config, Catalog catalog, PrintStream progress) {
        this.spark = spark;
        this.config = config;
        this.catalog = catalog;
        this.progress = progress;
        this.rulesets = new QualityRulesets(config.quality());
    }

    /** Fails with a usage error naming the supported reasons when {@code reason} cannot be replayed. */
    public static ReasonCode requireReplayable(String reason) {
        ReasonCode code;
        try {
            code = ReasonCode.valueOf(reason);
        } catch (IllegalArgumentException e) {
            code = null;
        }
        if (code == null || !REPLAYABLE.contains(code)) {
            throw new ConfigException("Cannot replay reason '" + reason + "': replay supports "
                    + REPLAYABLE.stream().map(Enum::name).sorted().toList()
                    + " (their quarantine rows hold the parsed row as JSON of its columns); the other reasons' rows hold"
                    + " raw record text, which replay does not parse again");
        }
        return code;
    }

    /**
     * Replays the job's quarantine rows of {@code reason} from the quarantine partitions dated {@code from} to
     * {@code to} (both optional, inclusive); SKIPPED when no row is left to replay.
     */
    public RunResult replay(JobSpec spec, ReasonCode reason, Optional<LocalDate> from, Optional<LocalDate> to) {
        requireReplayable(reason.name());
        long started = System.currentTimeMillis();
        Instant startedAt = Instant.now();
        LandingWindow window = LandingWindow.day(to.orElse(LocalDate.ofInstant(startedAt, java.time.ZoneOffset.UTC)));
        RunContext context = new RunContext(spec.job(), RunIds.next(startedAt), window, startedAt);
        ReplayMarkers markers = new ReplayMarkers(spark, config.lakeRoot(), spec.job());

        Dataset<Row> pending = quarantined(spec, from, to)
                .where(col("reason_code").equalTo(reason.name()))
                .join(markers.read().select(col("source_object").as("m_object"), col("offset").as("m_offset"),
                        col("reason_code").as("m_reason")),
                col("source_object").equalTo(col("m_object")).and(col("offset").equalTo(col("m_offset")))
                        .and(col("reason_code").equalTo(col("m_reason"))), "left_anti")
                .persist();
        List<Dataset<Row>> held = new ArrayList<>();
        try {
            long candidates = pending.count();
            Dataset<Row> arrivals = arrivals(spec, pending);
            Map<String, Dataset<Row>> datasets = new LinkedHashMap<>();
            long replayable = 0;
            Dataset<Row> replayed = null;
            for (String dataset : spec.datasets()) {
                DatasetSchema schema = DatasetSchemas.get(dataset);
                Dataset<Row> rows = pending.where(col("dataset").equalTo(dataset)).join(arrivals, "source_object");
                Dataset<Row> passing = passing(reason, schema, spec.partitionKeyColumns(), rows, context).persist();
                held.add(passing);
                replayable += passing.count();
                datasets.put(dataset, passing);
                Dataset<Row> keys = passing.select(col(DatasetStructs.SOURCE_OBJECT).as("source_object"),
                        col(DatasetStructs.SOURCE_OFFSET).as("offset"), lit(reason.name()).as("reason_code"));
                replayed = replayed == null ? keys : replayed.union(keys);
            }
            progress.printf("tidemark: replay %s %s: %d quarantined row(s) to replay, %d pass now, %d still fail and stay quarantined%n",
                    spec.job(), reason, candidates, replayable, candidates - replayable);
            if (replayable == 0) {
                return RunResult.skipped(spec.job(), context.runId(), "replay " + reason, System.currentTimeMillis() - started);
            }
            Dataset<Row> emptyQuarantine = spark.createDataFrame(List.of(), QuarantineRows.struct());
            CurateOutcome outcome = new CurateJob(spark, config, catalog)
                    .replay(spec, context, () -> new SourceBatch(datasets, emptyQuarantine, List.of(), () -> { }));
            // marked after publish: a crash in between replays the rows again, and the merge stores them once
            markers.write(replayed, context.runId());
            outcome.commitLedger();
            RunResult r = outcome.result();
            return RunResult.succeeded(r.job(), r.runId(), "replay " + reason)
                    .partitionLabels(r.partitions())
                    .rowsIn(candidates)
                    .rowsOut(r.rowsOut())
                    .rowsDuplicate(r.rowsDuplicate())
                    .quality(r.quality())
                    .durationMs(System.currentTimeMillis() - started)
                    .quarantinedByReason(r.quarantinedByReason())
                    .build();
        } finally {
            held.forEach(Dataset::unpersist);
            pending.unpersist();
        }
    }

    /**
     * The rows whose cause is fixed now: for {@code TOO_LATE}, an event time within the job's current horizon before
     * the object's arrival; for {@code QUALITY_RULE}, passing the dataset's current row-level rules ({@link RowLevelScreen}).
     */
    private Dataset<Row> passing(ReasonCode reason, DatasetSchema schema, List<PartitionKeyColumn> keyColumns,
                                 Dataset<Row> quarantined, RunContext context) {
        return switch (reason) {
            case TOO_LATE -> sourceRows(schema, keyColumns, quarantined.where(schema.eventTime() == null ? lit(true)
                    : col(OLDEST_ACCEPTED).isNull().or(eventTime(schema).geq(col(OLDEST_ACCEPTED)))));
            case QUALITY_RULE -> new RowLevelScreen().screen(schema, rulesets.of(schema.dataset()), sourceRows(schema, keyColumns, quarantined),
                    context).kept();
            default -> throw new IllegalStateException("Cannot replay reason " + reason);
        };
    }

    /** The published rows of the job's quarantine table, of the partitions dated from..to. */
    private Dataset<Row> quarantined(JobSpec spec, Optional<LocalDate> from, Optional<LocalDate> to) {
        TableRef table = new TableRef(config.catalog().quarantineDatabase(), spec.job());
        DatasetSchema schema = DatasetSchemas.get(QuarantineRows.SCHEMA);
        if (!catalog.tableExists(table)) {
            return spark.createDataFrame(List.of(), DatasetStructs.curatedRow(schema));
        }
        Map<PartitionKey, String> locations = new LinkedHashMap<>();
        catalog.allLocations(table).forEach((key, location) -> {
            LocalDate dt = LocalDate.parse(key.values().get("dt"));
            if (from.map(d -> !dt.isBefore(d)).orElse(true) && to.map(d -> !dt.isAfter(d)).orElse(true)) {
                locations.put(key, location);
            }
        });
        return new PublishedPartitionReader(spark, catalog).read(table, schema, List.copyOf(locations.keySet()), locations)
                .orElseGet(() -> spark.createDataFrame(List.of(), DatasetStructs.curatedRow(schema)));
    }

    /**
     * Per source object of the pending rows, its arrival (from the object's Firehose name, null without one), the
     * oldest event time the job's current horizon accepts (the arrival minus the horizon, null without a horizon) and
     * the values of the job's dynamic partitioning keys in the object's key.
     */
    private Dataset<Row> arrivals(JobSpec spec, Dataset<Row> pending) {
        Optional<Duration> horizon = spec.lateArrivalHorizon();
        PartitionKeyReader keys = PartitionKeyReader.of(spec);
        List<Row> rows = new ArrayList<>();
        for (Row object : pending.select("source_object").distinct().collectAsList()) {
            String uri = object.getString(0);
            Instant arrival = FirehoseObjectKey.parse(uri, spec.arrivalZone()).map(FirehoseObjectKey::arrival).orElse(null);
            Instant oldest = arrival == null ? null : horizon.map(arrival::minus).orElse(null);
            Map<String, String> values = keys.valuesOf(ObjectDiscovery.keyUnder(config.landingRoot(), new org.apache.hadoop.fs.Path(uri)));
            List<Object> row = new ArrayList<>(List.of(uri));
            row.add(arrival == null ? null : Timestamp.from(arrival));
            row.add(oldest == null ? null : Timestamp.from(oldest));
            keys.columns().forEach(k -> row.add(values.get(k.key())));
            rows.add(RowFactory.create(row.toArray()));
        }
        StructType struct = new StructType()
                .add("source_object", DataTypes.StringType, false)
                .add(ARRIVAL, DataTypes.TimestampType, true)
                .add(OLDEST_ACCEPTED, DataTypes.TimestampType, true);
        for (PartitionKeyColumn key : keys.columns()) {
            struct = struct.add(key.column(), DataTypes.StringType, true);
        }
        return spark.createDataFrame(rows, struct);
    }

    private static Column eventTime(DatasetSchema schema) {
        return field(schema, schema.column(schema.eventTime()).orElseThrow());
    }

    private static Column field(DatasetSchema schema, ColumnSpec column) {
        return from_json(col("raw"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
                .getItem(column.name()).cast(DatasetStructs.sparkType(column.type()));
    }

    /** The replayed rows in the layout a source emits ({@link DatasetStructs#sourceRow}), as the first run read them. */
    private static Dataset<Row> sourceRows(DatasetSchema schema, List<PartitionKeyColumn> keyColumns, Dataset<Row> rows) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec column : schema.columns()) {
            columns.add(field(schema, column).as(column.name()));
        }
        columns.add(col("source_object").as(DatasetStructs.SOURCE_OBJECT));
        columns.add(col("offset").as(DatasetStructs.SOURCE_OFFSET));
        columns.add(col(ARRIVAL).as(DatasetStructs.ARRIVAL_TS));
        if (schema.evolution().addsNewFields()) {
            columns.add(lit(null).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)).as(DatasetStructs.NEW_FIELDS));
        }
        keyColumns.forEach(k -> columns.add(col(k.column())));
        for (String partition : schema.partitioning()) {
            columns.add(switch (partition) {
                case "dt" -> date_format(eventTime(schema), "yyyy-MM-dd").as("dt");
                case "hr" -> date_format(eventTime(schema), "HH").as("hr");
                default -> throw new IllegalStateException("Cannot derive partition column '" + partition + "' of " + schema.dataset());
            });
        }
        return rows.select(columns.toArray(Column[]::new));
    }
}
