package io.tidemark;

/** Error codes of the result line, each with the process exit code fixed by DESIGN.md. */
public enum ErrorCode {
    /** Bad usage or configuration: the user can fix it. */
    BAD_CONFIG(Kind.USER, 2),
    /** An error-level data quality check failed: nothing was published or loaded. */
    QUALITY_GATE_FAILED(Kind.USER, 3),
    /** The input could not be read as a whole (the landing root or every object of the window). */
    INPUT_UNREADABLE(Kind.EXTERNAL, 4),
    /** The catalog (the AWS Glue Data Catalog through the SDK) refused a change or stayed unreachable after retries. */
    CATALOG_FAILED(Kind.EXTERNAL, 1),
    /** The lake's storage (S3) failed or stayed unreachable after the S3A and SDK retries, in the middle of a run. */
    STORAGE_FAILED(Kind.EXTERNAL, 1),
    /** The warehouse refused or lost the load after retries. */
    WAREHOUSE_FAILED(Kind.EXTERNAL, 1),
    /**
     * Another process holds or changed the same tables (a table lease still held after the wait, or a partition
     * published by someone else since this run read it): nothing of this run was lost or overwritten; retry it.
     */
    CONCURRENT_RUN(Kind.EXTERNAL, 1),
    /** Anything else: a bug or an unexpected failure. */
    INTERNAL(Kind.INTERNAL, 1);

    public enum Kind { USER, EXTERNAL, INTERNAL }

    private final Kind kind;
    private final int exitCode;

    ErrorCode(Kind kind, int exitCode) {
        this.kind = kind;
        this.exitCode = exitCode;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return exitCode;
    }
}
