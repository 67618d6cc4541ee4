package io.tidemark.sources.cloudwatch;

/**
 * Counts for one object read by {@link CloudWatchObjectReader}.
 *
 * @param envelopes       JSON envelopes read completely (any messageType)
 * @param controlMessages CONTROL_MESSAGE envelopes (skipped)
 * @param logEvents       log events of DATA_MESSAGE envelopes read completely (emitted, header or quarantined)
 * @param headerLines     flow-log header lines skipped
 * @param quarantined     quarantine records sent to the sink (log-event, envelope and object level)
 */
public record ObjectReadSummary(long envelopes, long controlMessages, long logEvents, long headerLines,
                                long quarantined) {
}
