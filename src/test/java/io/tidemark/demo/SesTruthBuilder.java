package io.tidemark.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ground truth of an SES landing, aggregated from the generator's plan in write order: a bad line is a
 * quarantine record, a row whose planned key was already written a duplicate, every other row an
 * {@code ses_events} row.
 */
final class SesTruthBuilder {
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private SesTruthBuilder() {
    }

    static SesGeneratedLanding of(SesWritten written) {
        Set<SesRowKey> seen = new LinkedHashSet<>();
        TreeMap<String, Long> quarantined = new TreeMap<>();
        TreeMap<String, Long> partitions = new TreeMap<>();
        TreeMap<DayEventType, Long> dayTypes = new TreeMap<>();
        long duplicates = 0;
        for (SesPlannedRecord line : written.plan()) {
            if (line.quarantine() != null) {
                quarantined.merge(line.quarantine().name(), 1L, Long::sum);
                continue;
            }
            for (SesRowKey key : line.rows()) {
                if (!seen.add(key)) {
                    duplicates++;
                    continue;
                }
                partitions.merge(PARTITION.format(key.eventTime()), 1L, Long::sum);
                dayTypes.merge(new DayEventType(DATE.format(key.eventTime()), key.eventType()), 1L, Long::sum);
            }
        }
        List<SesRowKey> keys = new ArrayList<>(seen);
        keys.sort(Comparator.comparing(SesRowKey::messageId).thenComparing(SesRowKey::eventType)
                .thenComparing(SesRowKey::recipient).thenComparing(SesRowKey::eventTime));
        return new SesGeneratedLanding(written.landingRoot(), written.settings(), written.objects(),
                written.recordsWritten(), seen.size(), duplicates, quarantined, partitions, dayTypes, keys);
    }
}
