package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import io.tidemark.sources.cdc.SalesImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ground truth of a generated sales CDC landing (test side), aggregated from the generator's plan of the rows
 * actually written.
 *
 * @param landingRoot          the landing root the three prefixes were written under
 * @param settings             the settings used
 * @param objects              every object written, sorted by key
 * @param loadWindowDate       the window date assumed for DMS full-load files (their change time is its 00:00 UTC)
 * @param changesWritten       valid change rows written per source, redelivered copies included
 * @param changesStored        changes per source that are not redeliveries: the rows {@code sales_changes} must hold
 * @param duplicates           per source, rows the generator redelivered (a run must drop them)
 * @param quarantinedByReason  expected quarantine records per reason code name, all sources
 * @param quarantinedBySource  expected quarantine records per source
 * @param controls             Debezium tombstones (counted, never stored)
 * @param rowsByPartition      distinct {@code sales_changes} rows per {@code dt=yyyy-MM-dd} of change_ts
 * @param finalState           the state per sale_id after applying every stored change, last writer wins by
 *                             change_ts then source_seq (string order); sales whose last change is D are absent
 * @param deletedSaleIds       sale ids whose last change is a D
 */
public record SalesCdcGroundTruth(Path landingRoot, SalesCdcLandingSettings settings, List<SalesCdcObject> objects,
                                  LocalDate loadWindowDate, SortedMap<String, Long> changesWritten,
                                  SortedMap<String, Long> changesStored, SortedMap<String, Long> duplicates,
                                  SortedMap<String, Long> quarantinedByReason, SortedMap<String, Long> quarantinedBySource,
                                  long controls, SortedMap<String, Long> rowsByPartition,
                                  SortedMap<String, SalesImage> finalState, SortedSet<String> deletedSaleIds) {
    public SalesCdcGroundTruth {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        objects = List.copyOf(objects);
        changesWritten = sorted(changesWritten);
        changesStored = sorted(changesStored);
        duplicates = sorted(duplicates);
        quarantinedByReason = sorted(quarantinedByReason);
        quarantinedBySource = sorted(quarantinedBySource);
        rowsByPartition = sorted(rowsByPartition);
        finalState = sorted(finalState);
        deletedSaleIds = Collections.unmodifiableSortedSet(new TreeSet<>(deletedSaleIds));
    }

    /** The truth of what the generator wrote. */
    public static SalesCdcGroundTruth of(SalesCdcWritten written) {
        return SalesCdcTruthBuilder.of(written);
    }

    /** Total rows {@code sales_changes} must hold. */
    public long storedRows() {
        return changesStored.values().stream().mapToLong(Long::longValue).sum();
    }

    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<SalesCdcObject> objectsOf(String source) {
        return objects.stream().filter(o -> o.source().equals(source)).toList();
    }

    /** Where an object lives on disk. */
    public Path pathOf(SalesCdcObject object) {
        return landingRoot.resolve(object.key());
    }

    private static <K, V> SortedMap<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    static <T> SortedSet<T> sortedSet(Set<T> set) {
        return new TreeSet<>(set);
    }
}
