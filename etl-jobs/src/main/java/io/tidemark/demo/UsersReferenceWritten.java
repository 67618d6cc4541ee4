package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link UsersReferenceGenerator} wrote: the snapshots as planned (the figures a correct run must produce, such
 * as the {@code dim_user} versions, are the tests' business).
 *
 * @param landingRoot    the landing root {@code reference/users/} was written under
 * @param settings       the settings used
 * @param keys           the objects written, in key order ({@code reference/users/dt=yyyy-MM-dd/users.csv})
 * @param snapshots      per snapshot date: user_id to attributes, as written
 * @param changedUserIds users whose attributes the second snapshot changes
 * @param newUserIds     users only in the second snapshot
 */
public record UsersReferenceWritten(Path landingRoot, UsersReferenceSettings settings, List<String> keys,
                                    SortedMap<LocalDate, SortedMap<Long, UserAttributes>> snapshots,
                                    SortedSet<Long> changedUserIds, SortedSet<Long> newUserIds) {
    public UsersReferenceWritten {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        keys = List.copyOf(keys);
        SortedMap<LocalDate, SortedMap<Long, UserAttributes>> copy = new TreeMap<>();
        snapshots.forEach((date, users) -> copy.put(date, Collections.unmodifiableSortedMap(new TreeMap<>(users))));
        snapshots = Collections.unmodifiableSortedMap(copy);
        changedUserIds = Collections.unmodifiableSortedSet(new TreeSet<>(changedUserIds));
        newUserIds = Collections.unmodifiableSortedSet(new TreeSet<>(newUserIds));
    }
}
