package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FlowLogLinesLandingGenerator} wrote: the objects and the plan of every line (the figures a correct
 * run must produce are the tests' business: they aggregate the plan).
 *
 * @param landingRoot the landing root the {@code flowlogs-lines/} prefix was written under
 * @param settings    the settings used
 * @param objects     every object written, sorted by key
 * @param plan        every flow-log line written, in write order (the redelivered copy's included)
 */
public record FlowLinesWritten(Path landingRoot, FlowLinesLandingSettings settings, List<FlowLinesObject> objects,
                               List<PlannedFlowLine> plan) {
    public FlowLinesWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        plan = List.copyOf(plan);
    }

    /** Flow-log lines written in all objects (header and blank lines excluded). */
    public long linesWritten() {
        return plan.size();
    }
}
