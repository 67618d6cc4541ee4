package io.tidemark.jobs;

/**
 * The points of a run, in run order, where a crash leaves the lake in a distinct state; {@link RunHooks} can stop
 * a run there.
 */
public enum FaultPoint {
    /** Every changed partition's new version is written; nothing is audited or published yet. */
    AFTER_WRITE,
    /**
     * The first table's partitions are published, the job's other tables (another curated dataset, the quarantine)
     * not yet; reached only when a run publishes two tables or more.
     */
    DURING_PUBLISH,
    /** Every table is published; the warehouse models are not loaded yet. */
    AFTER_PUBLISH_BEFORE_LOAD,
    /** The warehouse models are loaded; the ledger does not record the window's objects yet. */
    AFTER_LOAD_BEFORE_LEDGER
}
