package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link SalesCdcLandingGenerator} wrote: the objects and its plan (the figures a correct run must produce are
 * the tests' business: they aggregate the plan).
 *
 * @param landingRoot    the landing root the three prefixes were written under
 * @param settings       the settings used
 * @param objects        every object written, sorted by key
 * @param loadWindowDate the window date assumed for DMS full-load files (their change time is its 00:00 UTC)
 * @param changes        every change row written, redeliveries included, feed by feed in write order
 * @param quarantined    every bad record written
 * @param tombstones     Debezium tombstones written (a reader counts them, never stores them)
 */
public record SalesCdcWritten(Path landingRoot, SalesCdcLandingSettings settings, List<SalesCdcObject> objects,
                              LocalDate loadWindowDate, List<PlannedSalesChange> changes,
                              List<PlannedSalesQuarantine> quarantined, long tombstones) {
    public SalesCdcWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        requireNonNull(loadWindowDate, "loadWindowDate");
        objects = List.copyOf(objects);
        changes = List.copyOf(changes);
        quarantined = List.copyOf(quarantined);
    }

    /** Change rows written per source, redeliveries included. */
    public SortedMap<String, Long> changesWritten() {
        SortedMap<String, Long> written = new TreeMap<>();
        changes.forEach(c -> written.merge(c.source(), 1L, Long::sum));
        return written;
    }
}
