package io.tidemark.demo;

import java.util.Random;
import java.util.UUID;

/** Version-4-shaped UUIDs drawn from a seeded {@link Random} (never {@link UUID#randomUUID()}). */
final class SeededUuid {
    private SeededUuid() {
    }

    static UUID next(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
