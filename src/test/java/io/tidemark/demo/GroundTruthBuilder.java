package io.tidemark.demo;

import io.tidemark.landing.ReasonCode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ground truth of a CloudWatch Logs landing, aggregated from the generator's plan: the readable envelopes of each
 * object in write order, an event id seen before being a redelivery, every truncated or garbage object a quarantine.
 */
final class GroundTruthBuilder {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);

    private final Set<String> seenIds = new HashSet<>();
    private long logEventsWritten;
    private long flowEvents;
    private long appEvents;
    private long controlMessages;
    private long redeliveredEvents;
    private long lostEvents;
    private final TreeMap<String, Long> quarantined = new TreeMap<>();
    private final TreeMap<String, Long> flowPartitions = new TreeMap<>();
    private final TreeMap<String, Long> appPartitions = new TreeMap<>();
    private final TreeMap<DayAction, FlowTotals> byDayAction = new TreeMap<>();
    private final TreeMap<FlowHourKey, FlowTotals> hourly = new TreeMap<>();
    private final TreeMap<InterfaceDay, FlowTotals> rejects = new TreeMap<>();

    /** The truth of what {@code written} holds. */
    static GeneratedLanding of(CloudWatchWritten written) {
        GroundTruthBuilder truth = new GroundTruthBuilder();
        for (CloudWatchPlannedObject planned : written.plan()) {
            switch (planned.object().kind()) {
                case GARBAGE -> truth.quarantine(ReasonCode.CORRUPT_COMPRESSION);
                case TRUNCATED -> truth.quarantine(ReasonCode.TRUNCATED_OBJECT);
                default -> {
                }
            }
            truth.addObject(planned.envelopes(), planned.object().readableEnvelopes());
        }
        return truth.build(written.landingRoot(), written.settings(), written.objects());
    }

    /** Records an object's envelopes: all of {@code written}, of which the first {@code readable} can be read. */
    private void addObject(List<PlannedEnvelope> written, int readable) {
        for (int i = 0; i < written.size(); i++) {
            int events = written.get(i).events().size();
            logEventsWritten += events;
            if (i >= readable) {
                lostEvents += events;
            }
        }
        written.subList(0, readable).forEach(this::addReadable);
    }

    private void quarantine(ReasonCode reason) {
        quarantined.merge(reason.name(), 1L, Long::sum);
    }

    private GeneratedLanding build(Path landingRoot, CloudWatchLandingSettings settings, List<WrittenObject> objects) {
        return new GeneratedLanding(landingRoot, settings, objects, logEventsWritten, flowEvents, appEvents,
                controlMessages, redeliveredEvents, lostEvents, quarantined, flowPartitions, appPartitions,
                byDayAction, hourly, rejects);
    }

    private void addReadable(PlannedEnvelope envelope) {
        for (PlannedEvent event : envelope.events()) {
            if (event.kind() == EventKind.CONTROL) {
                controlMessages++;
            } else if (!seenIds.add(event.id())) {
                redeliveredEvents++;
            } else {
                addDistinct(event);
            }
        }
    }

    private void addDistinct(PlannedEvent event) {
        switch (event.kind()) {
            case APP -> {
                appEvents++;
                appPartitions.merge(PARTITION.format(Instant.ofEpochMilli(event.timestamp())), 1L, Long::sum);
            }
            case FLOW_MALFORMED -> quarantine(ReasonCode.SCHEMA_MISMATCH);
            case FLOW -> addFlow(event.flow());
            default -> throw new IllegalStateException("unexpected " + event.kind());
        }
    }

    private void addFlow(FlowLogLine line) {
        flowEvents++;
        Instant start = Instant.ofEpochSecond(line.start());
        flowPartitions.merge(PARTITION.format(start), 1L, Long::sum);
        if (!line.counted()) {
            return;
        }
        String date = DATE.format(start);
        FlowTotals totals = new FlowTotals(1, line.packets(), line.bytes());
        byDayAction.merge(new DayAction(date, line.action()), totals, FlowTotals::plus);
        hourly.merge(new FlowHourKey(date, start.atZone(ZoneOffset.UTC).getHour(), line.interfaceId(), line.action(),
                line.protocol()), totals, FlowTotals::plus);
        if ("REJECT".equals(line.action())) {
            rejects.merge(new InterfaceDay(date, line.interfaceId()), totals, FlowTotals::plus);
        }
    }
}
