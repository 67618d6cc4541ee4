package io.tidemark.demo;

import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.sources.cdc.SalesImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accumulates what the sales CDC generator wrote and derives the ground truth from it. */
final class SalesCdcTruthBuilder {
    private final Map<String, SalesChange> stored = new LinkedHashMap<>();
    private final TreeMap<String, Long> written = new TreeMap<>();
    private final TreeMap<String, Long> duplicates = new TreeMap<>();
    private final TreeMap<String, Long> byReason = new TreeMap<>();
    private final TreeMap<String, Long> bySource = new TreeMap<>();
    private long controls;

    void change(SalesChange change) {
        written.merge(change.source(), 1L, Long::sum);
        if (stored.putIfAbsent(change.changeKey(), change) != null) {
            duplicates.merge(change.source(), 1L, Long::sum);
        }
    }

    void quarantine(String source, ReasonCode reason) {
        byReason.merge(reason.name(), 1L, Long::sum);
        bySource.merge(source, 1L, Long::sum);
    }

    void control() {
        controls++;
    }

    SalesCdcGroundTruth build(Path landingRoot, SalesCdcLandingSettings settings, List<SalesCdcObject> objects,
                              LocalDate loadWindowDate) {
        TreeMap<String, Long> storedBySource = new TreeMap<>();
        TreeMap<String, Long> byPartition = new TreeMap<>();
        for (SalesChange c : stored.values()) {
            storedBySource.merge(c.source(), 1L, Long::sum);
            byPartition.merge("dt=" + c.changeTs().atOffset(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
        }
        List<SalesChange> ordered = new ArrayList<>(stored.values());
        ordered.sort(Comparator.comparing(SalesChange::changeTs).thenComparing(SalesChange::sourceSeq));
        TreeMap<String, SalesImage> state = new TreeMap<>();
        Set<String> deleted = new HashSet<>();
        for (SalesChange c : ordered) {
            if (c.op().equals("D")) {
                state.remove(c.saleId());
                deleted.add(c.saleId());
            } else {
                state.put(c.saleId(), c.image());
                deleted.remove(c.saleId());
            }
        }
        for (String source : written.keySet()) {
            duplicates.putIfAbsent(source, 0L);
        }
        return new SalesCdcGroundTruth(landingRoot, settings, objects, loadWindowDate, written, storedBySource,
                duplicates, byReason, bySource, controls, byPartition, state, new TreeSet<>(deleted));
    }
}
