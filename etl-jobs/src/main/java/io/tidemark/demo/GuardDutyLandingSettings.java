package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What {@link GuardDutyLandingGenerator} writes. Never depends on the clock: the same settings always give the
 * same bytes.
 *
 * @param seed           seed of the one {@link java.util.Random} everything is drawn from
 * @param firstHour      first landing (arrival) hour, UTC, whole hour
 * @param hours          landing hours (at least 3: the redelivered copy lands an hour after the original, the
 *                       quarantine traps in hours 1 and 2)
 * @param findings       distinct findings (at least 3), each updated 2 to 4 times across the hours
 * @param objectsPerHour Firehose objects per hour at most (1 to 6); empty slots write no object
 * @param accountId      12-digit account the findings belong to
 * @param region         region of the detector
 * @param deliveryStream Firehose delivery stream name used in the object keys
 */
public record GuardDutyLandingSettings(long seed, Instant firstHour, int hours, int findings, int objectsPerHour,
                                       String accountId, String region, String deliveryStream) {

    /** Fixed default first hour, two hours before midnight so that updates fall on two dates. */
    public static final Instant DEFAULT_FIRST_HOUR = Instant.parse("2026-11-24T22:00:00Z");

    public GuardDutyLandingSettings {
        requireNonNull(firstHour, "firstHour");
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        requireNonNull(deliveryStream, "deliveryStream");
        if (!firstHour.equals(firstHour.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("firstHour must be a whole UTC hour: " + firstHour);
        }
        require(hours >= 3, "hours must be >= 3 (the redelivered copy lands an hour later; traps in hours 1 and 2)");
        require(findings >= 3, "findings must be >= 3 (finding 0 is redelivered, 1 escalates, 2 arrives bare)");
        require(objectsPerHour >= 1 && objectsPerHour <= 6, "objectsPerHour must be within 1..6");
        require(accountId.matches("\\d{12}"), "accountId must be 12 digits: " + accountId);
        require(!region.isEmpty() && !deliveryStream.isEmpty(), "names must not be empty");
    }

    /** For unit tests: 3 hours, 5 findings. */
    public static GuardDutyLandingSettings small() {
        return new GuardDutyLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 3, 5, 3, "111122223333", "us-east-1",
                "guardduty-to-s3");
    }

    /** For {@code tidemark demo}: 6 hours, 24 findings. */
    public static GuardDutyLandingSettings demo() {
        return new GuardDutyLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 6, 24, 4, "111122223333", "us-east-1",
                "guardduty-to-s3");
    }

    public GuardDutyLandingSettings withSeed(long newSeed) {
        return new GuardDutyLandingSettings(newSeed, firstHour, hours, findings, objectsPerHour, accountId, region,
                deliveryStream);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
