package io.tidemark.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Run ids: sortable by start time, unique, safe in paths and SQL literals. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next(Instant startedAt) {
        return STAMP.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
