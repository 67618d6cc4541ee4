package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What {@link FlowLogLinesLandingGenerator} writes. Never depends on the clock.
 *
 * @param seed              seed of the one {@link java.util.Random} everything is drawn from
 * @param firstHour         first landing (arrival) hour, UTC, whole hour; two hours are written
 * @param linesPerObject    flow-log lines per ordinary object (at least 8)
 * @param networkInterfaces distinct {@code eni-...} interfaces
 * @param accountId         12-digit account id written in {@code account-id}
 * @param logGroup          the log group of the job spec ({@code source.logGroup})
 * @param deliveryStream    Firehose delivery stream name in the object keys
 */
public record FlowLinesLandingSettings(long seed, Instant firstHour, int linesPerObject, int networkInterfaces,
                                       String accountId, String logGroup, String deliveryStream) {
    public FlowLinesLandingSettings {
        requireNonNull(firstHour, "firstHour");
        requireNonNull(accountId, "accountId");
        requireNonNull(logGroup, "logGroup");
        requireNonNull(deliveryStream, "deliveryStream");
        if (!firstHour.equals(firstHour.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("firstHour must be a whole UTC hour: " + firstHour);
        }
        if (linesPerObject < 8 || networkInterfaces < 2 || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("expected linesPerObject >= 8, networkInterfaces >= 2 and a 12-digit accountId");
        }
    }

    /** For unit tests: about 200 lines. */
    public static FlowLinesLandingSettings small() {
        return new FlowLinesLandingSettings(20261124L, CloudWatchLandingSettings.DEFAULT_FIRST_HOUR, 30, 4,
                "111122223333", "/vpc/flow-logs", "flowlines-to-s3");
    }

    /** For {@code tidemark demo}: about 3,000 lines. */
    public static FlowLinesLandingSettings demo() {
        return new FlowLinesLandingSettings(20261124L, CloudWatchLandingSettings.DEFAULT_FIRST_HOUR, 500, 12,
                "111122223333", "/vpc/flow-logs", "flowlines-to-s3");
    }
}
