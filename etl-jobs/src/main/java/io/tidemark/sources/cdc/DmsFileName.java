package io.tidemark.sources.cdc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DMS S3-target file name says: a full-load file {@code LOAD<8 hex digits>.csv} or a CDC file
 * {@code yyyyMMdd-HHmmss<fraction>.csv}, where the digits after the seconds are a fraction of a second (DMS shows
 * 4, the brief and Qlik 3); either may end in {@code .gz}.
 *
 * @param fullLoad whether it is a full-load file (rows without Op)
 * @param cdcTime  the CDC file's time (UTC), or null for full-load files
 */
record DmsFileName(boolean fullLoad, Instant cdcTime) {
    private static final Pattern LOAD = Pattern.compile("LOAD[0-9A-Fa-f]{8}\\.csv(\\.gz)?");
    private static final Pattern CDC = Pattern.compile("(\\d{8}-\\d{6})(\\d{0,9})\\.csv(\\.gz)?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** @return the parsed name, or null when it is neither a full-load nor a CDC file name */
    static DmsFileName parse(String fileName) {
        if (LOAD.matcher(fileName).matches()) {
            return new DmsFileName(true, null);
        }
        Matcher m = CDC.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        try {
            Instant seconds = LocalDateTime.parse(m.group(1), SECONDS).toInstant(ZoneOffset.UTC);
            String fraction = m.group(2);
            long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
            return new DmsFileName(false, seconds.plusNanos(nanos));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
