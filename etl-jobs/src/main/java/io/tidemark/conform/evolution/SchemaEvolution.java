package io.tidemark.conform.evolution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKeyColumn;
import io.tidemark.landing.ReasonCode;
import io.tidemark.landing.RunContext;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.NewFieldKind;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Keeps each curated dataset's table in step with its deployed schema and its raw data. {@link #prepare} plans
 * every dataset of a batch before anything is written (an incompatible change throws, so nothing of the job is
 * published and its ledger is not committed); {@link #record} then records the new schema in the lake and flags the
 * changes for the warehouse, and the run adds the new columns to the catalog table, before any partition is written.
 * Recording comes first, so a run that dies after it adds the columns on its next run.
 */
public final class SchemaEvolution {
    private final SchemaRecords records;
    private final SchemaChangeLog changeLog;
    private final PrintStream progress;
    private final SchemaPlanner planner = new SchemaPlanner();

    public SchemaEvolution(SchemaRecords records, SchemaChangeLog changeLog, PrintStream progress) {
        this.records = records;
        this.changeLog = changeLog;
        this.progress = progress;
    }

    /**
     * @param rows each dataset's source rows ({@link DatasetStructs#sourceRow} of its deployed schema)
     * @return per dataset, in the order given
     */
    public Map<String, EvolvedDataset> prepare(List<DatasetSchema> deployed, Map<String, Dataset<Row>> rows, RunContext context) {
        return prepare(deployed, rows, List.of(), context);
    }

    /**
     * @param rows       each dataset's source rows ({@link DatasetStructs#sourceRow(DatasetSchema, List)} of its deployed
     *                   schema and {@code keyColumns})
     * @param keyColumns the columns of the job's dynamic partitioning keys: added to every dataset that lacks them
     */
    public Map<String, EvolvedDataset> prepare(List<DatasetSchema> deployed, Map<String, Dataset<Row>> rows,
                                               List<PartitionKeyColumn> keyColumns, RunContext context) {
        Map<String, EvolvedDataset> evolved = new LinkedHashMap<>();
        for (DatasetSchema schema : deployed) {
            Dataset<Row> source = rows.get(schema.dataset());
            FieldObservations observed = schema.evolution().addsNewFields() ? observe(source) : FieldObservations.NONE;
            EvolutionPlan plan = planner.plan(schema, records.latest(schema.dataset()), observed, keyColumns, context.runId(),
                    context.window().label());
            plan.warnings().forEach(w -> progress.println("tidemark: " + w));
            EvolvedRows.Split split = EvolvedRows.apply(schema, plan, source, context);
            long quarantined = split.quarantine().map(Dataset::count).orElse(0L);
            evolved.put(schema.dataset(), new EvolvedDataset(schema, plan, split.rows(), split.quarantine(), quarantined));
        }
        return evolved;
    }

    /**
     * Records the new schema in the lake and flags the changes for the warehouse; the catalog table's columns are
     * then brought in line by {@link io.tidemark.catalog.Catalog#alignColumns}.
     */
    public void record(EvolvedDataset dataset, RunContext context) {
        EvolutionPlan plan = dataset.plan();
        if (plan.recordChanged()) {
            changeLog.record(dataset.deployed().dataset(), context.runId(), plan.changes());
            records.write(plan.record(), context.runId());
        }
    }

    /** Counts the kinds of every new field's values in one aggregation. */
    private static FieldObservations observe(Dataset<Row> source) {
        FieldObservations.Builder builder = new FieldObservations.Builder();
        List<Row> counts = source.select(explode(col(DatasetStructs.NEW_FIELDS)).as(new String[] {"field", "value"}))
                .select(col("field"), col("value").substr(1, 1).as("tag"))
                .groupBy("field", "tag").count().collectAsList();
        for (Row row : counts) {
            builder.add(row.getString(0), NewFieldKind.ofTag(row.getString(1).charAt(0)), row.getLong(2));
        }
        return builder.build();
    }

    /** Reason counts of the rows schema evolution quarantined, for the result line. */
    public static Map<String, Long> quarantinedByReason(Map<String, EvolvedDataset> evolved) {
        long total = evolved.values().stream().mapToLong(EvolvedDataset::quarantined).sum();
        return total == 0 ? Map.of() : Map.of(ReasonCode.SCHEMA_MISMATCH.name(), total);
    }

    /** The parsed quarantine rows plus those schema evolution split off. */
    public static Dataset<Row> quarantine(Dataset<Row> parsed, Map<String, EvolvedDataset> evolved) {
        Dataset<Row> all = parsed;
        for (EvolvedDataset dataset : evolved.values()) {
            Optional<Dataset<Row>> extra = dataset.quarantine();
            if (extra.isPresent()) {
                all = all.unionByName(extra.get());
            }
        }
        return all;
    }
}
