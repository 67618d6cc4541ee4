package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Settings of {@link SesLandingGenerator}.
 *
 * @param seed              seed of the one Random the generator draws from
 * @param firstHour         first landing hour (a whole UTC hour; never now())
 * @param hours             landing hours (at least 3: traps live in hours 0, 1 and 2)
 * @param objectsPerHour    Firehose objects per hour (at least 3)
 * @param recordsPerObject  ordinary SES event records per object (at least 10, so every event type fits in one object)
 * @param accountId         the sending account
 * @param deliveryStream    the Firehose stream name in the object keys
 */
public record SesLandingSettings(long seed, Instant firstHour, int hours, int objectsPerHour, int recordsPerObject,
                                 String accountId, String deliveryStream) {

    public static final Instant DEFAULT_FIRST_HOUR = Instant.parse("2026-11-24T10:00:00Z");

    public SesLandingSettings {
        requireNonNull(firstHour, "firstHour");
        requireNonNull(accountId, "accountId");
        requireNonNull(deliveryStream, "deliveryStream");
        if (!firstHour.equals(firstHour.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("firstHour must be a whole UTC hour: " + firstHour);
        }
        require(hours >= 3, "hours must be >= 3 (traps live in hours 0, 1 and 2)");
        require(objectsPerHour >= 3, "objectsPerHour must be >= 3 (traps live in distinct objects)");
        require(recordsPerObject >= 10, "recordsPerObject must be >= 10 (every event type in one object)");
        require(accountId.matches("\\d{12}"), "accountId must be 12 digits: " + accountId);
        require(!deliveryStream.isEmpty(), "deliveryStream must not be empty");
    }

    public static SesLandingSettings defaults() {
        return new SesLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 3, 3, 12, "111122223333", "ses-events");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
