package io.tidemark.sources.cloudwatch;

/**
 * Where a CloudWatch Logs log event came from.
 *
 * @param eventId      the log event id (56 digits in real data), never empty
 * @param timestampMs  the log event timestamp, epoch milliseconds
 * @param owner        the AWS account owning the log group (may be null if the envelope lacks it)
 * @param logGroup     the source log group (may be null)
 * @param logStream    the source log stream (may be null)
 * @param sourceObject the landed object the event was read from
 * @param offset       number of log events read from the object before this one (0-based)
 */
public record LogEventContext(String eventId, long timestampMs, String owner, String logGroup, String logStream,
                              String sourceObject, long offset) {
}
