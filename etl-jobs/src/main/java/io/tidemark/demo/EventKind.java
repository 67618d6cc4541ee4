package io.tidemark.demo;

/** What the generator meant a log event to be: its intended fate, part of the plan. */
enum EventKind {
    /** A well-formed flow-log line (OK, NODATA or SKIPDATA): a row of {@code vpc_flow_logs}. */
    FLOW,
    /** A flow-log line with the wrong field count or a non-numeric value: quarantined, SCHEMA_MISMATCH. */
    FLOW_MALFORMED,
    /** An application log event: a row of {@code app_logs}. */
    APP,
    /** The event of a CONTROL_MESSAGE envelope: counted, not stored. */
    CONTROL
}
