package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What {@link CloudWatchLandingGenerator} writes. Never depends on the clock: the same settings
 * always give the same bytes.
 *
 * @param seed               seed of the one {@link java.util.Random} everything is drawn from
 * @param firstHour          first landing (arrival) hour, UTC, whole hour
 * @param hours              number of landing hours (at least 2: the redelivery lands in the next hour)
 * @param objectsPerHour     ordinary objects per hour (at least 3); the redelivered copy and the
 *                           garbage object come on top
 * @param envelopesPerObject envelopes (gzip members) per object (at least 2)
 * @param eventsPerEnvelope  mean log events per envelope (each envelope draws from [n/2, 3n/2]; at least 4)
 * @param accountId          12-digit AWS account id (envelope owner and flow-log account-id)
 * @param networkInterfaces  number of distinct {@code eni-...} interfaces in the flow logs
 * @param flowLogGroup       log group carrying VPC flow logs (default v2 format)
 * @param appLogGroups       other log groups (application logs); {@code /aws/lambda/...} ones get
 *                           Lambda-style START/END/REPORT lines
 * @param deliveryStream     Firehose delivery stream name used in the object keys
 */
public record CloudWatchLandingSettings(long seed, Instant firstHour, int hours, int objectsPerHour,
                                        int envelopesPerObject, int eventsPerEnvelope, String accountId,
                                        int networkInterfaces, String flowLogGroup, List<String> appLogGroups,
                                        String deliveryStream) {

    /** Fixed default first hour: never {@code now()}, so runs and tests are reproducible. */
    public static final Instant DEFAULT_FIRST_HOUR = Instant.parse("2026-11-24T10:00:00Z");

    public CloudWatchLandingSettings {
        requireNonNull(firstHour, "firstHour");
        requireNonNull(accountId, "accountId");
        requireNonNull(flowLogGroup, "flowLogGroup");
        requireNonNull(deliveryStream, "deliveryStream");
        appLogGroups = List.copyOf(appLogGroups);
        if (!firstHour.equals(firstHour.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("firstHour must be a whole UTC hour: " + firstHour);
        }
        require(hours >= 2, "hours must be >= 2 (the redelivered copy lands in the next hour)");
        require(objectsPerHour >= 3, "objectsPerHour must be >= 3 (traps live in distinct objects)");
        require(envelopesPerObject >= 2, "envelopesPerObject must be >= 2 (the cut keeps whole members)");
        require(eventsPerEnvelope >= 4, "eventsPerEnvelope must be >= 4");
        require(networkInterfaces >= 1, "networkInterfaces must be >= 1");
        require(accountId.matches("\\d{12}"), "accountId must be 12 digits: " + accountId);
        require(!appLogGroups.isEmpty(), "appLogGroups must not be empty");
        require(!appLogGroups.contains(flowLogGroup), "flowLogGroup must not be an app log group");
        require(!flowLogGroup.isEmpty() && !deliveryStream.isEmpty(), "names must not be empty");
    }

    /** For unit tests: 2 hours, 4 objects an hour, about 1.8k log events. */
    public static CloudWatchLandingSettings small() {
        return new CloudWatchLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 2, 4, 5, 40, "111122223333", 4,
                "/vpc/prod-flow-logs", List.of("/app/api", "/aws/lambda/checkout"), "cwlogs-to-s3");
    }

    /** For {@code tidemark demo}: 3 hours, 10 objects an hour, about 30k log events. */
    public static CloudWatchLandingSettings demo() {
        return new CloudWatchLandingSettings(20261124L, DEFAULT_FIRST_HOUR, 3, 10, 20, 50, "111122223333", 12,
                "/vpc/prod-flow-logs", List.of("/app/api", "/aws/lambda/checkout"), "cwlogs-to-s3");
    }

    public CloudWatchLandingSettings withSeed(long newSeed) {
        return new CloudWatchLandingSettings(newSeed, firstHour, hours, objectsPerHour, envelopesPerObject,
                eventsPerEnvelope, accountId, networkInterfaces, flowLogGroup, appLogGroups, deliveryStream);
    }

    public CloudWatchLandingSettings withFirstHour(Instant newFirstHour) {
        return new CloudWatchLandingSettings(seed, newFirstHour, hours, objectsPerHour, envelopesPerObject,
                eventsPerEnvelope, accountId, networkInterfaces, flowLogGroup, appLogGroups, deliveryStream);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
