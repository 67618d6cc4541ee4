package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Ground truth of a generated {@code flowlogs-lines/} landing (test side), aggregated from the generator's plan of
 * the lines actually written.
 *
 * @param landingRoot         the landing root the {@code flowlogs-lines/} prefix was written under
 * @param settings            the settings used
 * @param objects             every object written, sorted by key
 * @param linesWritten        flow-log lines written in all objects (redelivered copy and bad lines included;
 *                            header and blank lines excluded)
 * @param rows                distinct rows expected in {@code vpc_flow_logs} (OK, NODATA, SKIPDATA)
 * @param duplicates          lines a run must drop as already seen (the redelivered copy's lines)
 * @param quarantinedByReason quarantine records per reason code name (SCHEMA_MISMATCH, BAD_TIMESTAMP)
 * @param rowsByPartition     rows per {@code dt=yyyy-MM-dd/hr=HH} of {@code start}
 * @param flowsByDayAction    per (date of start, action): flows/packets/bytes of rows with log-status OK and an action
 * @param flowsHourly         {@code fact_flow_hourly}: per (date, hour, interface, action, protocol)
 */
public record FlowLinesLanding(Path landingRoot, FlowLinesLandingSettings settings, List<FlowLinesObject> objects,
                               long linesWritten, long rows, long duplicates,
                               SortedMap<String, Long> quarantinedByReason, SortedMap<String, Long> rowsByPartition,
                               SortedMap<DayAction, FlowTotals> flowsByDayAction,
                               SortedMap<FlowHourKey, FlowTotals> flowsHourly) {
    public FlowLinesLanding {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        quarantinedByReason = sorted(quarantinedByReason);
        rowsByPartition = sorted(rowsByPartition);
        flowsByDayAction = sorted(flowsByDayAction);
        flowsHourly = sorted(flowsHourly);
    }

    /** The truth of what the generator wrote. */
    public static FlowLinesLanding of(FlowLinesWritten written) {
        return FlowLinesTruthBuilder.of(written);
    }

    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The object written for a trap (see {@link FlowLinesObject#trap()}). */
    public FlowLinesObject objectFor(String trap) {
        return objects.stream().filter(o -> o.trap().equals(trap)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no object for trap " + trap));
    }

    public Path pathOf(FlowLinesObject object) {
        return landingRoot.resolve(object.key());
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
