package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One object of the CloudWatch Logs plan, in write order: what was written and every envelope encoded into it,
 * each event with what it was meant to be. Of a TRUNCATED object only the first
 * {@link WrittenObject#readableEnvelopes()} envelopes can be read; a GARBAGE object has none.
 *
 * @param object    the object as written
 * @param envelopes the envelopes encoded into it, before any cut (for a REDELIVERY, the original's)
 */
public record CloudWatchPlannedObject(WrittenObject object, List<PlannedEnvelope> envelopes) {
    public CloudWatchPlannedObject {
        requireNonNull(object, "object");
        envelopes = List.copyOf(envelopes);
    }

    /** Log events encoded into the object, the lost tail of a truncated object included. */
    long eventsOf(EventKind kind) {
        return envelopes.stream().flatMap(e -> e.events().stream()).filter(e -> e.kind() == kind).count();
    }
}
