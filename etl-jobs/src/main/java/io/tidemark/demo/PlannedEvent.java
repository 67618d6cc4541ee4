package io.tidemark.demo;

/**
 * A log event as written, with what it was meant to be.
 *
 * @param flow the flow-log line for {@link EventKind#FLOW}, otherwise null
 */
record PlannedEvent(String id, long timestamp, String message, EventKind kind, FlowLogLine flow) {

    static PlannedEvent flow(String id, long timestamp, FlowLogLine line) {
        return new PlannedEvent(id, timestamp, line.render(), EventKind.FLOW, line);
    }

    static PlannedEvent malformedFlow(String id, long timestamp, String message) {
        return new PlannedEvent(id, timestamp, message, EventKind.FLOW_MALFORMED, null);
    }

    static PlannedEvent app(String id, long timestamp, String message) {
        return new PlannedEvent(id, timestamp, message, EventKind.APP, null);
    }

    static PlannedEvent control(long timestamp) {
        return new PlannedEvent("", timestamp, "CWL CONTROL MESSAGE: Checking health of destination Firehose.",
                EventKind.CONTROL, null);
    }

    CwlLogEvent toWire() {
        return new CwlLogEvent(id, timestamp, message);
    }
}
