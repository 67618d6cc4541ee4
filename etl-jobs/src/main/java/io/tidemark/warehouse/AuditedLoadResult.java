package io.tidemark.warehouse;

import java.util.Objects;

/**
 * What one audited warehouse load did.
 *
 * @param loadId   the load's id (the audit key)
 * @param outcome  {@link Outcome#LOADED} when this call committed the rows, {@link Outcome#SKIPPED} when the audit
 *                 table already had the load id (a rerun, or an earlier attempt that committed before failing)
 * @param rows     input rows of the committed load (read from the audit row when skipped)
 * @param attempts transactions started, 1 unless a transient failure was retried
 */
public record AuditedLoadResult(String loadId, Outcome outcome, long rows, int attempts) {
    public enum Outcome { LOADED, SKIPPED }

    public AuditedLoadResult {
        Objects.requireNonNull(loadId, "loadId is null");
        Objects.requireNonNull(outcome, "outcome is null");
    }

    public boolean loaded() {
        return outcome == Outcome.LOADED;
    }
}
