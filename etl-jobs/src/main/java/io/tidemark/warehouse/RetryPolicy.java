package io.tidemark.warehouse;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a warehouse transaction is retried after a transient failure: at most
 * {@code maxAttempts} transactions, waiting {@code firstBackoff} after the first failure and doubling up to
 * {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff is null");
        Objects.requireNonNull(maxBackoff, "maxBackoff is null");
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= firstBackoff <= maxBackoff");
        }
    }

    /** 5 attempts, 1 s doubling up to 16 s: about half a minute in all, within an hourly task's budget. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(16));
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < attempt && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
