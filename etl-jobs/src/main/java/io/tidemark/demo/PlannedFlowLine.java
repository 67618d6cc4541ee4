package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import io.tidemark.landing.ReasonCode;

/**
 * One flow-log line {@link FlowLogLinesLandingGenerator} wrote, with its intended fate: a row, a quarantine
 * record, or a redelivery of an earlier line.
 *
 * @param objectKey   the object it was written in
 * @param index       its place among the object's flow-log lines (header and blank lines not counted)
 * @param text        the line as written, without its line end
 * @param flow        the flow it carries; null for a bad line
 * @param quarantine  why it must be quarantined; null for a good line
 * @param duplicateOf for a line of a redelivered object, the key of the object that first carried it (the line
 *                    at the same index); otherwise null
 */
public record PlannedFlowLine(String objectKey, int index, String text, FlowLogLine flow, ReasonCode quarantine,
                              String duplicateOf) {
    public PlannedFlowLine {
        requireNonNull(objectKey, "objectKey");
        requireNonNull(text, "text");
    }
}
