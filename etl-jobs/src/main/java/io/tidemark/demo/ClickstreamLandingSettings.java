package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What {@link ClickstreamLandingGenerator} writes. Never depends on the clock.
 *
 * @param seed             seed of the one {@link java.util.Random} everything is drawn from
 * @param firstHour        first landing (arrival) hour, UTC, whole hour
 * @param hours            landing hours (at least 2: traps live in the first two)
 * @param objectsPerHour   ordinary objects per hour (at least 3); the redelivered copy comes on top
 * @param recordsPerObject JSON records per object (at least 6)
 * @param articles         distinct article ids ({@code 5001..})
 * @param firstUserId      first user id; users {@code firstUserId .. firstUserId+users-1} are in the reference
 *                         snapshots of {@link UsersReferenceSettings} with the same values
 * @param users            distinct known users
 * @param deliveryStream   Firehose delivery stream name in the object keys
 */
public record ClickstreamLandingSettings(long seed, Instant firstHour, int hours, int objectsPerHour, int recordsPerObject,
                                         int articles, long firstUserId, int users, String deliveryStream) {
    public static final Instant DEFAULT_FIRST_HOUR = Instant.parse("2026-11-24T10:00:00Z");

    public ClickstreamLandingSettings {
        requireNonNull(firstHour, "firstHour");
        requireNonNull(deliveryStream, "deliveryStream");
        if (!firstHour.equals(firstHour.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("firstHour must be a whole UTC hour: " + firstHour);
        }
        if (hours < 2 || objectsPerHour < 3 || recordsPerObject < 6 || articles < 1 || users < 1 || deliveryStream.isEmpty()) {
            throw new IllegalArgumentException("Cannot use clickstream settings " + this
                    + ": expected hours >= 2, objectsPerHour >= 3, recordsPerObject >= 6, articles >= 1, users >= 1");
        }
    }

    /** For unit tests: 2 hours, 4 objects an hour, 20 records an object. */
    public static ClickstreamLandingSettings small() {
        return new ClickstreamLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 2, 4, 20, 6, 1001, 30, "clicks-to-s3");
    }

    /** For {@code tidemark demo}: 3 hours, 8 objects an hour, 150 records an object. */
    public static ClickstreamLandingSettings demo() {
        return new ClickstreamLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 3, 8, 150, 25, 1001, 200, "clicks-to-s3");
    }

    /** The user id that clicks but is in no reference snapshot (the left join gives it a null segment). */
    public long unknownUserId() {
        return firstUserId + users + 1000;
    }
}
