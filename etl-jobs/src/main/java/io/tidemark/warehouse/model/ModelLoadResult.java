package io.tidemark.warehouse.model;

import java.util.Objects;

/**
 * What loading one warehouse table of a model did.
 *
 * @param model   the model's name
 * @param table   the warehouse table loaded
 * @param loadId  the load's id (the audit key)
 * @param outcome {@link Outcome#LOADED} when this call committed, {@link Outcome#SKIPPED} when the audit table
 *                already had the load id
 * @param rows    input rows of the committed load
 */
public record ModelLoadResult(String model, String table, String loadId, Outcome outcome, long rows) {
    public enum Outcome { LOADED, SKIPPED }

    public ModelLoadResult {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(loadId, "loadId is null");
        Objects.requireNonNull(outcome, "outcome is null");
    }
}
