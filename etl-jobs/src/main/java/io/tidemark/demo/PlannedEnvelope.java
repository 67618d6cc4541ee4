package io.tidemark.demo;

import java.util.List;

/** An envelope as written, keeping each event's intended fate next to it (the plan). */
record PlannedEnvelope(String messageType, String owner, String logGroup, String logStream,
                       List<String> subscriptionFilters, List<PlannedEvent> events) {

    static final String DATA_MESSAGE = "DATA_MESSAGE";
    static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";

    PlannedEnvelope {
        subscriptionFilters = List.copyOf(subscriptionFilters);
        events = List.copyOf(events);
    }

    static PlannedEnvelope control(long timestamp) {
        return new PlannedEnvelope(CONTROL_MESSAGE, "CloudwatchLogs", "", "", List.of(),
                List.of(PlannedEvent.control(timestamp)));
    }

    CwlEnvelope toWire() {
        return new CwlEnvelope(messageType, owner, logGroup, logStream, subscriptionFilters,
                events.stream().map(PlannedEvent::toWire).toList());
    }
}
