package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

/**
 * One record (or one whole object) that left the flow, with everything needed to find it again
 * and to understand why.
 *
 * @param sourceObject the landed object's full path or URI
 * @param offset       ordinal of the first affected record in the object (0-based; for
 *                     CloudWatch Logs objects: the number of log events read before it)
 * @param reason       the reason code
 * @param detail       a human-readable explanation (the field, the value, what was expected)
 * @param raw          the raw text of the record, possibly shortened; may be empty, never null
 */
public record QuarantineRecord(String sourceObject, long offset, ReasonCode reason, String detail, String raw) {
    public QuarantineRecord {
        requireNonNull(sourceObject, "sourceObject is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(raw, "raw is null");
    }
}
