package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link GuardDutyLandingGenerator} wrote: the objects and the plan of every document (the figures a correct
 * run must produce are the tests' business: they aggregate the plan).
 *
 * @param landingRoot the landing root the {@code guardduty/} prefix was written under
 * @param settings    the settings used
 * @param objectKeys  keys of every object written, relative to the landing root, sorted
 * @param plan        every document written, in write order (the redelivered copy and the quarantine traps included)
 */
public record GuardDutyWritten(Path landingRoot, GuardDutyLandingSettings settings, List<String> objectKeys,
                               List<PlannedGuardDutyDocument> plan) {
    public GuardDutyWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objectKeys = List.copyOf(objectKeys);
        plan = List.copyOf(plan);
    }

    /** JSON documents in all objects. */
    public long documentsWritten() {
        return plan.size();
    }

    /** Documents that carry a finding update (the redelivered one included). */
    public long updatesWritten() {
        return plan.stream().filter(d -> d.state() != null).count();
    }
}
