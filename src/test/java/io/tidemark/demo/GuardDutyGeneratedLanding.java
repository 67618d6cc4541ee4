package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Ground truth of a generated GuardDuty landing (test side), aggregated from the generator's plan of the documents
 * that were actually written.
 *
 * @param landingRoot         the landing root the {@code guardduty/} prefix was written under
 * @param settings            the settings used
 * @param objectKeys          keys of every object written, relative to the landing root, sorted
 * @param documentsWritten    JSON documents in all objects, the redelivered copy and the quarantine traps included
 * @param distinctUpdates     rows expected in {@code guardduty_findings}: distinct (finding id, updatedAt)
 * @param duplicates          readable finding documents whose (finding id, updatedAt) had already been written
 *                            (redeliveries a run must drop)
 * @param quarantinedByReason expected quarantine records per reason code name
 * @param rowsByPartition     {@code guardduty_findings} rows per {@code dt=yyyy-MM-dd} of updatedAt
 * @param latestByFinding     per finding id, the state of its latest update ({@code fact_security_findings})
 */
public record GuardDutyGeneratedLanding(Path landingRoot, GuardDutyLandingSettings settings, List<String> objectKeys,
                                        long documentsWritten, long distinctUpdates, long duplicates,
                                        SortedMap<String, Long> quarantinedByReason,
                                        SortedMap<String, Long> rowsByPartition,
                                        SortedMap<String, GuardDutyFindingState> latestByFinding) {

    public GuardDutyGeneratedLanding {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objectKeys = List.copyOf(objectKeys);
        quarantinedByReason = sorted(quarantinedByReason);
        rowsByPartition = sorted(rowsByPartition);
        latestByFinding = sorted(latestByFinding);
    }

    /** The truth of what the generator wrote. */
    public static GuardDutyGeneratedLanding of(GuardDutyWritten written) {
        return GuardDutyTruthBuilder.of(written);
    }

    public int objectsWritten() {
        return objectKeys.size();
    }

    /** Total quarantine records expected, all reasons. */
    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
