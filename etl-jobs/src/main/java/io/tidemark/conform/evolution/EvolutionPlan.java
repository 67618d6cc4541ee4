package io.tidemark.conform.evolution;

import io.tidemark.config.DatasetSchema;
import java.util.List;

/**
 * What schema evolution decided for one dataset in one run, before anything is written.
 *
 * @param schema           the dataset's schema for this run: the deployed columns, then every column evolution
 *                         added or retained, in recorded order
 * @param record           the recorded schema after this run
 * @param recordChanged    whether {@code record} differs from the recorded schema before the run (or there was none)
 * @param changes          the changes to flag for the warehouse
 * @param conversions      the columns filled from new raw fields
 * @param expectsBadValues whether some new field's values in the batch do not fit its stored type (those rows are
 *                         quarantined)
 * @param warnings         new fields not stored, and why (printed on stderr)
 */
public record EvolutionPlan(DatasetSchema schema, RecordedSchema record, boolean recordChanged, List<SchemaChange> changes,
                            List<FieldConversion> conversions, boolean expectsBadValues, List<String> warnings) {
    public EvolutionPlan {
        changes = List.copyOf(changes);
        conversions = List.copyOf(conversions);
        warnings = List.copyOf(warnings);
    }
}
