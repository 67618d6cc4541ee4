package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The table leases that keep two processes from curating the same tables at once ({@code leases} in the runtime
 * config).
 *
 * @param expirySeconds how long a lease lasts without a heartbeat (default 120): a crashed run's tables are free again
 *                      this long after its last heartbeat. The holder renews it every third of that, so it must exceed
 *                      the longest pause a healthy process can take (a full garbage collection, a slow storage call)
 *                      plus the clock difference between the hosts
 * @param waitSeconds   how long a run waits for a table leased by another run before it fails with
 *                      {@code CONCURRENT_RUN} (default 900): about the run time of the longest job on the same tables
 */
public record LeaseConfig(
        @JsonProperty("expirySeconds") Integer expirySeconds,
        @JsonProperty("waitSeconds") Integer waitSeconds) {
    private static final int DEFAULT_EXPIRY_SECONDS = 120;
    private static final int DEFAULT_WAIT_SECONDS = 900;
    private static final int MIN_EXPIRY_SECONDS = 3;

    public LeaseConfig {
        expirySeconds = expirySeconds == null ? DEFAULT_EXPIRY_SECONDS : expirySeconds;
        waitSeconds = waitSeconds == null ? DEFAULT_WAIT_SECONDS : waitSeconds;
        if (expirySeconds < MIN_EXPIRY_SECONDS) {
            throw new ConfigException("Cannot use leases.expirySeconds = " + expirySeconds + ": expected at least "
                    + MIN_EXPIRY_SECONDS + " (the holder renews its lease every third of it)");
        }
        if (waitSeconds < 0) {
            throw new ConfigException("Cannot use leases.waitSeconds = " + waitSeconds + ": expected 0 or more");
        }
    }

    public static LeaseConfig defaults() {
        return new LeaseConfig(null, null);
    }

    public Duration expiry() {
        return Duration.ofSeconds(expirySeconds);
    }

    public Duration waitLimit() {
        return Duration.ofSeconds(waitSeconds);
    }

    /** How often the holder renews: a third of the expiry, so two renewals can fail before the lease lapses. */
    public Duration heartbeat() {
        return expiry().dividedBy(3);
    }
}
