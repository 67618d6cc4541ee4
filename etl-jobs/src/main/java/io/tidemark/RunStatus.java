package io.tidemark;

/** The status of a run in the result line. */
public enum RunStatus {
    SUCCEEDED,
    FAILED,
    /** Nothing to do: no new landed objects in the window. */
    SKIPPED
}
