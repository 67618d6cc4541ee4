package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Ground truth of a generated SES landing (test side), aggregated from the generator's plan of the lines actually
 * written.
 *
 * @param landingRoot          the landing root the {@code ses/} prefix was written under
 * @param settings             the settings used
 * @param objects              every object written, sorted by key
 * @param recordsWritten       lines written in all objects (good, bad and the redelivered copy)
 * @param rows                 distinct {@code ses_events} rows expected (one per event and recipient)
 * @param duplicates           rows of the redelivered record whose key was already written (a run must drop them)
 * @param quarantinedByReason  quarantine records expected per reason code name (MALFORMED_JSON comes from the framing
 *                             layer, the others from SesEventParser)
 * @param rowsByPartition      distinct rows per {@code dt=yyyy-MM-dd/hr=HH} of event_ts
 * @param eventsByDayType      {@code v_email_engagement_daily}: distinct rows (events x recipients) per (UTC date of
 *                             event_ts, event_type)
 * @param keys                 every distinct row key, sorted by message id, type, recipient, time
 */
public record SesGeneratedLanding(Path landingRoot, SesLandingSettings settings, List<SesWrittenObject> objects,
                                  long recordsWritten, long rows, long duplicates,
                                  SortedMap<String, Long> quarantinedByReason, SortedMap<String, Long> rowsByPartition,
                                  SortedMap<DayEventType, Long> eventsByDayType, List<SesRowKey> keys) {
    public SesGeneratedLanding {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        quarantinedByReason = sorted(quarantinedByReason);
        rowsByPartition = sorted(rowsByPartition);
        eventsByDayType = sorted(eventsByDayType);
        keys = List.copyOf(keys);
    }

    /** The truth of what the generator wrote. */
    public static SesGeneratedLanding of(SesWritten written) {
        return SesTruthBuilder.of(written);
    }

    /** Total quarantine records expected, all reasons. */
    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public Path pathOf(SesWrittenObject object) {
        return landingRoot.resolve(object.key());
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
