package io.tidemark.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ground truth of a GuardDuty landing, aggregated from the generator's plan in write order: a document with a
 * quarantine reason is a quarantine record, a finding update whose (finding id, updatedAt) was written before a
 * duplicate, every other update a {@code guardduty_findings} row; the latest update per finding is what
 * {@code fact_security_findings} keeps.
 */
final class GuardDutyTruthBuilder {
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private GuardDutyTruthBuilder() {
    }

    static GuardDutyGeneratedLanding of(GuardDutyWritten written) {
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        TreeMap<String, Long> quarantined = new TreeMap<>();
        TreeMap<String, Long> rowsByPartition = new TreeMap<>();
        TreeMap<String, GuardDutyFindingState> latest = new TreeMap<>();
        for (PlannedGuardDutyDocument document : written.plan()) {
            if (document.quarantine() != null) {
                quarantined.merge(document.quarantine().name(), 1L, Long::sum);
                continue;
            }
            GuardDutyFindingState state = document.state();
            if (!seen.add(document.findingId() + "|" + state.updatedAt())) {
                duplicates++;
                continue;
            }
            rowsByPartition.merge("dt=" + DT.format(state.updatedAt()), 1L, Long::sum);
            latest.merge(document.findingId(), state, (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b);
        }
        return new GuardDutyGeneratedLanding(written.landingRoot(), written.settings(), written.objectKeys(),
                written.documentsWritten(), seen.size(), duplicates, quarantined, rowsByPartition, latest);
    }
}
