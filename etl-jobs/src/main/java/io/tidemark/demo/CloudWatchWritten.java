package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link CloudWatchLandingGenerator} wrote: the objects and the plan they were written from. The figures a
 * correct run must produce are the tests' business (they aggregate the plan); here are only counts of what was
 * written.
 *
 * @param landingRoot the landing root the {@code cwlogs/} prefix was written under
 * @param settings    the settings used
 * @param objects     every object written, sorted by key (data, redelivered copy, truncated, garbage)
 * @param plan        every object with its envelopes, in write order
 */
public record CloudWatchWritten(Path landingRoot, CloudWatchLandingSettings settings, List<WrittenObject> objects,
                                List<CloudWatchPlannedObject> plan) {
    public CloudWatchWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        plan = List.copyOf(plan);
    }

    public int objectsWritten() {
        return objects.size();
    }

    /** Log events encoded into all objects: the redelivered copy, the truncated tail and the control message included. */
    public long logEventsWritten() {
        return objects.stream().mapToLong(WrittenObject::eventsWritten).sum();
    }

    /** Flow-log lines written (malformed ones and the redelivered copy's included). */
    public long flowLinesWritten() {
        return plan.stream().mapToLong(o -> o.eventsOf(EventKind.FLOW) + o.eventsOf(EventKind.FLOW_MALFORMED)).sum();
    }

    /** App-log events written (the redelivered copy's included). */
    public long appEventsWritten() {
        return plan.stream().mapToLong(o -> o.eventsOf(EventKind.APP)).sum();
    }
}
