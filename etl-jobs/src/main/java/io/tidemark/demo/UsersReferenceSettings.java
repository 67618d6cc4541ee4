package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What {@link UsersReferenceGenerator} writes. Never depends on the clock.
 *
 * @param seed          seed of the one {@link java.util.Random} everything is drawn from
 * @param firstSnapshot date of the first daily snapshot; the second is the day after
 * @param firstUserId   first user id (same as {@link ClickstreamLandingSettings#firstUserId()})
 * @param users         users in the first snapshot (at least 8); the second adds one
 * @param changedUsers  users whose gender or segment changes in the second snapshot (at least 1, at most users/2)
 */
public record UsersReferenceSettings(long seed, LocalDate firstSnapshot, long firstUserId, int users, int changedUsers) {
    public UsersReferenceSettings {
        requireNonNull(firstSnapshot, "firstSnapshot");
        if (users < 8 || changedUsers < 1 || changedUsers > users / 2) {
            throw new IllegalArgumentException("Cannot use users reference settings " + this
                    + ": expected users >= 8 and 1 <= changedUsers <= users / 2");
        }
    }

    /** Matches {@link ClickstreamLandingSettings#small()}: 30 users, 3 change. */
    public static UsersReferenceSettings small() {
        return new UsersReferenceSettings(20261124L, LocalDate.parse("2026-11-24"), 1001, 30, 3);
    }

    /** Matches {@link ClickstreamLandingSettings#demo()}: 200 users, 12 change. */
    public static UsersReferenceSettings demo() {
        return new UsersReferenceSettings(20261124L, LocalDate.parse("2026-11-24"), 1001, 200, 12);
    }
}
