package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Ground truth of a generated CloudWatch Logs landing (test side), aggregated from the generator's plan: the
 * envelopes that were actually written and can be read back (the truncated object's lost tail is not counted; the redelivered copy's events
 * are counted once).
 *
 * @param landingRoot            the landing root the {@code cwlogs/} prefix was written under
 * @param settings               the settings used
 * @param objects                every object written, sorted by key (data, redelivered copy,
 *                               truncated, garbage)
 * @param logEventsWritten       log events encoded into all objects, including the redelivered copy,
 *                               the truncated object's lost tail and the control message
 * @param flowEvents             distinct rows expected in {@code vpc_flow_logs} (OK, NODATA, SKIPDATA;
 *                               malformed lines excluded)
 * @param appEvents              distinct rows expected in {@code app_logs}
 * @param controlMessages        CONTROL_MESSAGE envelopes readable (counted, never stored)
 * @param redeliveredEvents      readable log events whose id had already been written (duplicates a
 *                               run must drop)
 * @param lostEvents             log events in the truncated object after the cut (unrecoverable)
 * @param quarantinedByReason    expected quarantine records per reason code name: one
 *                               {@code SCHEMA_MISMATCH} per malformed flow line, one
 *                               {@code TRUNCATED_OBJECT} per truncated object, one
 *                               {@code CORRUPT_COMPRESSION} per garbage object
 * @param flowRowsByPartition    {@code vpc_flow_logs} rows per {@code dt=yyyy-MM-dd/hr=HH} of {@code start}
 * @param appRowsByPartition     {@code app_logs} rows per {@code dt=yyyy-MM-dd/hr=HH} of the event timestamp
 * @param flowsByDayAction       per (date of start, action): flows/packets/bytes of counted lines
 *                               (log-status OK with an action)
 * @param flowsHourly            {@code fact_flow_hourly}: per (date, hour, interface, action, protocol)
 * @param rejectsByInterfaceDay  {@code v_flow_rejects_daily}: REJECT totals per (date, interface)
 */
public record GeneratedLanding(Path landingRoot, CloudWatchLandingSettings settings, List<WrittenObject> objects,
                               long logEventsWritten, long flowEvents, long appEvents, long controlMessages,
                               long redeliveredEvents, long lostEvents, SortedMap<String, Long> quarantinedByReason,
                               SortedMap<String, Long> flowRowsByPartition, SortedMap<String, Long> appRowsByPartition,
                               SortedMap<DayAction, FlowTotals> flowsByDayAction,
                               SortedMap<FlowHourKey, FlowTotals> flowsHourly,
                               SortedMap<InterfaceDay, FlowTotals> rejectsByInterfaceDay) {

    public GeneratedLanding {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        quarantinedByReason = sorted(quarantinedByReason);
        flowRowsByPartition = sorted(flowRowsByPartition);
        appRowsByPartition = sorted(appRowsByPartition);
        flowsByDayAction = sorted(flowsByDayAction);
        flowsHourly = sorted(flowsHourly);
        rejectsByInterfaceDay = sorted(rejectsByInterfaceDay);
    }

    /** The truth of what the generator wrote. */
    public static GeneratedLanding of(CloudWatchWritten written) {
        return GroundTruthBuilder.of(written);
    }

    public int objectsWritten() {
        return objects.size();
    }

    /** Total quarantine records expected, all reasons. */
    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The objects of one kind, in key order. */
    public List<WrittenObject> objectsOfKind(ObjectKind kind) {
        return objects.stream().filter(o -> o.kind() == kind).toList();
    }

    /** Where an object lives on disk. */
    public Path pathOf(WrittenObject object) {
        return landingRoot.resolve(object.key());
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
