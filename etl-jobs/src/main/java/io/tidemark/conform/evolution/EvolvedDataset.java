package io.tidemark.conform.evolution;

import io.tidemark.config.DatasetSchema;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One dataset of a batch after schema evolution: the deployed schema, the plan, the rows to merge (laid out for
 * {@code plan.schema()}), and the rows quarantined for values that do not fit their column.
 */
public record EvolvedDataset(DatasetSchema deployed, EvolutionPlan plan, Dataset<Row> rows,
                             Optional<Dataset<Row>> quarantine, long quarantined) {

    /** The schema to merge, write, audit and publish with. */
    public DatasetSchema schema() {
        return plan.schema();
    }
}
