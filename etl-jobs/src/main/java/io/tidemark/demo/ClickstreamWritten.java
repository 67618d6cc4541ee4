package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ClickstreamLandingGenerator} wrote: the objects and the plan of every record (the figures a correct
 * run must produce are the tests' business: they aggregate the plan).
 *
 * @param landingRoot the landing root the {@code clickstream/} prefix was written under
 * @param settings    the settings used
 * @param objects     every object written, sorted by key (the redelivered copy included)
 * @param plan        every JSON document written, in write order (redelivered copies and bad lines included)
 */
public record ClickstreamWritten(Path landingRoot, ClickstreamLandingSettings settings, List<ClickObject> objects,
                                 List<PlannedClickRecord> plan) {
    public ClickstreamWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        plan = List.copyOf(plan);
    }

    /** JSON documents in all objects. */
    public long documentsWritten() {
        return plan.size();
    }
}
