package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Ground truth of generated users reference snapshots (test side): what the generator wrote
 * ({@link UsersReferenceWritten}), and the figures a correct run derives from it.
 *
 * @param written             the snapshots as the generator wrote them
 * @param dimUser             expected {@code dim_user} versions, by user then validFrom
 * @param duplicates          rows the key dedup drops (0: no snapshot repeats a user)
 * @param quarantinedByReason expected quarantine records per reason (none)
 */
public record GeneratedUsersReference(UsersReferenceWritten written, List<UserVersion> dimUser, long duplicates,
                                      SortedMap<String, Long> quarantinedByReason) {
    public GeneratedUsersReference {
        requireNonNull(written, "written");
        dimUser = List.copyOf(dimUser);
        quarantinedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(quarantinedByReason));
    }

    /** The truth of what the generator wrote: no duplicates, no quarantine, the SCD2 versions of the snapshots. */
    public static GeneratedUsersReference of(UsersReferenceWritten written) {
        return new GeneratedUsersReference(written, UserVersion.of(written.snapshots()), 0, new TreeMap<>());
    }

    /** The landing root {@code reference/users/} was written under. */
    public Path landingRoot() {
        return written.landingRoot();
    }

    /** The objects written, in key order ({@code reference/users/dt=yyyy-MM-dd/users.csv}). */
    public List<String> keys() {
        return written.keys();
    }

    /** Per snapshot date (the {@code users_ref} dt partition): user_id to attributes; its size is the partition's row count. */
    public SortedMap<LocalDate, SortedMap<Long, UserAttributes>> snapshots() {
        return written.snapshots();
    }

    /** Users whose attributes differ between the two snapshots. */
    public SortedSet<Long> changedUserIds() {
        return written.changedUserIds();
    }

    /** Users only in the second snapshot. */
    public SortedSet<Long> newUserIds() {
        return written.newUserIds();
    }

    /** Rows expected in {@code users_ref}, all snapshots. */
    public long rows() {
        return snapshots().values().stream().mapToLong(SortedMap::size).sum();
    }
}
