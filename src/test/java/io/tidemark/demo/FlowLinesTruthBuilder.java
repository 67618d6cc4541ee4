package io.tidemark.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;

/**
 * The ground truth of a {@code flowlogs-lines/} landing, aggregated from the generator's plan: a bad line is a
 * quarantine record, a redelivered line a duplicate, every other line a {@code vpc_flow_logs} row.
 */
final class FlowLinesTruthBuilder {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);

    private FlowLinesTruthBuilder() {
    }

    static FlowLinesLanding of(FlowLinesWritten written) {
        long rows = 0;
        long duplicates = 0;
        TreeMap<String, Long> quarantined = new TreeMap<>();
        TreeMap<String, Long> partitions = new TreeMap<>();
        TreeMap<DayAction, FlowTotals> byDayAction = new TreeMap<>();
        TreeMap<FlowHourKey, FlowTotals> hourly = new TreeMap<>();
        for (PlannedFlowLine line : written.plan()) {
            if (line.quarantine() != null) {
                quarantined.merge(line.quarantine().name(), 1L, Long::sum);
                continue;
            }
            if (line.duplicateOf() != null) {
                duplicates++;
                continue;
            }
            rows++;
            FlowLogLine f = line.flow();
            Instant start = Instant.ofEpochSecond(f.start());
            partitions.merge(PARTITION.format(start), 1L, Long::sum);
            if (f.counted()) {
                String date = DATE.format(start);
                FlowTotals totals = new FlowTotals(1, f.packets(), f.bytes());
                byDayAction.merge(new DayAction(date, f.action()), totals, FlowTotals::plus);
                hourly.merge(new FlowHourKey(date, start.atZone(ZoneOffset.UTC).getHour(), f.interfaceId(), f.action(),
                        f.protocol()), totals, FlowTotals::plus);
            }
        }
        return new FlowLinesLanding(written.landingRoot(), written.settings(), written.objects(), written.linesWritten(),
                rows, duplicates, quarantined, partitions, byDayAction, hourly);
    }
}
