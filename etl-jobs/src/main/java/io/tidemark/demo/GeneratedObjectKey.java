package io.tidemark.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;

/**
 * A Firehose object key (FORMATS 1.1): {@code <family>/YYYY/MM/DD/HH/<stream>-<version>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid>}.
 * The time prefix and the suffix time are both the object's arrival time (UTC); no file extension,
 * as Firehose writes with compression UNCOMPRESSED (the CloudWatch payload is already gzip).
 */
record GeneratedObjectKey(String family, Instant arrival, String stream, int streamVersion, UUID uuid) {
    /** Firehose's default time prefix, UTC. */
    static final DateTimeFormatter PREFIX = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SUFFIX_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    /** A key whose UUID is the next {@link SeededUuid} drawn from {@code random}. */
    static GeneratedObjectKey seeded(String family, Instant arrival, String stream, int streamVersion, Random random) {
        return new GeneratedObjectKey(family, arrival, stream, streamVersion, SeededUuid.next(random));
    }

    String render() {
        return render(PREFIX);
    }

    /**
     * The key with {@code timePrefix} (a pattern in the stream's time zone, e.g. Hive-style
     * {@code 'year='yyyy'/month='MM'/'}) after the family folder instead of {@code YYYY/MM/DD/HH/}; the
     * suffix time is written in the same time zone, as Firehose does with a {@code CustomTimeZone}.
     */
    String render(DateTimeFormatter timePrefix) {
        return family + "/" + timePrefix.format(arrival) + stream + "-" + streamVersion + "-"
                + SUFFIX_TIME.withZone(timePrefix.getZone()).format(arrival) + "-" + uuid;
    }
}
