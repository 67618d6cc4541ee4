package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SesLandingGenerator} wrote: the objects and the plan of every line (the figures a correct run must
 * produce are the tests' business: they aggregate the plan).
 *
 * @param landingRoot the landing root the {@code ses/} prefix was written under
 * @param settings    the settings used
 * @param objects     every object written, sorted by key
 * @param plan        every line written, in write order (bad lines and the redelivered copy included); a
 *                    redelivered line is the same planned record again, with the same row keys
 */
public record SesWritten(Path landingRoot, SesLandingSettings settings, List<SesWrittenObject> objects,
                         List<SesPlannedRecord> plan) {
    public SesWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        plan = List.copyOf(plan);
    }

    /** Lines written in all objects. */
    public long recordsWritten() {
        return plan.size();
    }

    /** Event x recipient rows the lines carry, before any deduplication. */
    public long rowsWritten() {
        return plan.stream().mapToLong(r -> r.rows().size()).sum();
    }
}
