package io.tidemark.demo;

import java.util.Random;

/**
 * Makes CloudWatch-Logs-like log event ids: 56-digit numeric strings, unique within one generator
 * run. Layout: {@code 3} + timestamp ms (15 digits) + sequence number (10 digits) + 30 random digits;
 * the sequence number alone makes them unique.
 */
final class EventIdSequence {
    static final int LENGTH = 56;

    private final Random random;
    private long next;

    EventIdSequence(Random random) {
        this.random = random;
    }

    String next(long timestampMs) {
        StringBuilder id = new StringBuilder(LENGTH).append('3')
                .append(String.format("%015d%010d", timestampMs, next++));
        while (id.length() < LENGTH) {
            id.append((char) ('0' + random.nextInt(10)));
        }
        return id.toString();
    }
}
