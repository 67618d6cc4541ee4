package io.tidemark.landing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Firehose object name: {@code <stream>-<version>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid>[.ext]}.
 * The time is the arrival of the oldest record in the object (UTC unless the stream sets a custom time zone).
 */
public record FirehoseObjectKey(String streamName, int streamVersion, Instant arrival, String suffix) {
    private static final Pattern NAME = Pattern.compile(
            "^(.+)-(\\d+)-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(.+)$");

    /** Parses the last segment of {@code key} written in UTC; empty when it is not a Firehose object name. */
    public static Optional<FirehoseObjectKey> parse(String key) {
        return parse(key, ZoneOffset.UTC);
    }

    /**
     * Parses the last segment of {@code key}, whose time Firehose wrote in {@code zone} (the stream's
     * {@code CustomTimeZone}, which applies to the prefix and the name); empty when it is not a Firehose object name.
     */
    public static Optional<FirehoseObjectKey> parse(String key, ZoneId zone) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)),
                    Integer.parseInt(m.group(8)));
            return Optional.of(new FirehoseObjectKey(m.group(1), Integer.parseInt(m.group(2)),
                    time.atZone(zone).toInstant(), m.group(9)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
