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
 * Ground truth of generated users reference snapshots (test side), derived from the snapshots as the generator
 * planned them.
 *
 * @param landingRoot         the landing root {@code reference/users/} was written under
 * @param settings            the settings used
 * @param keys                the objects written, in key order ({@code reference/users/dt=yyyy-MM-dd/users.csv})
 * @param snapshots           per snapshot date (the {@code users_ref} dt partition): user_id to attributes; its size is
 *                            the partition's row count
 * @param changedUserIds      users whose attributes differ between the two snapshots
 * @param newUserIds          users only in the second snapshot
 * @param dimUser             expected {@code dim_user} versions, by user then validFrom
 * @param duplicates          rows the key dedup drops (0: no snapshot repeats a user)
 * @param quarantinedByReason expected quarantine records per reason (none)
 */
public record GeneratedUsersReference(Path landingRoot, UsersReferenceSettings settings, List<String> keys,
                                      SortedMap<LocalDate, SortedMap<Long, UserAttributes>> snapshots,
                                      SortedSet<Long> changedUserIds, SortedSet<Long> newUserIds, List<UserVersion> dimUser,
                                      long duplicates, SortedMap<String, Long> quarantinedByReason) {
    public GeneratedUsersReference {
        requireNonNull(landingRoot, "landingRoot");
        requireNonNull(settings, "settings");
        keys = List.copyOf(keys);
        SortedMap<LocalDate, SortedMap<Long, UserAttributes>> copy = new TreeMap<>();
        snapshots.forEach((date, users) -> copy.put(date, Collections.unmodifiableSortedMap(new TreeMap<>(users))));
        snapshots = Collections.unmodifiableSortedMap(copy);
        changedUserIds = Collections.unmodifiableSortedSet(new TreeSet<>(changedUserIds));
        newUserIds = Collections.unmodifiableSortedSet(new TreeSet<>(newUserIds));
        dimUser = List.copyOf(dimUser);
        quarantinedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(quarantinedByReason));
    }

    /** The truth of what the generator wrote: no duplicates, no quarantine, the SCD2 versions of the snapshots. */
    public static GeneratedUsersReference of(UsersReferenceWritten written) {
        return new GeneratedUsersReference(written.landingRoot(), written.settings(), written.keys(), written.snapshots(),
                written.changedUserIds(), written.newUserIds(), UserVersion.of(written.snapshots()), 0, new TreeMap<>());
    }

    /** Rows expected in {@code users_ref}, all snapshots. */
    public long rows() {
        return snapshots.values().stream().mapToLong(SortedMap::size).sum();
    }
}
