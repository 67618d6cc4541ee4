package io.tidemark.sources.clickstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The optional {@code timestamp} of a clickstream record. Accepted:
 * <ul>
 *   <li>ISO-8601 / RFC 3339 date-time with {@code Z} or an offset ({@code +09:00}, {@code +0900}, {@code +09}),
 *       0 to 9 fractional digits, {@code T} or a space between date and time;</li>
 *   <li>epoch milliseconds, as a JSON integer (or integral number) or as a string of digits.</li>
 * </ul>
 * Absent, null or a blank string: no timestamp (the caller falls back to the arrival time). A local date-time without
 * an offset, any other text, a fraction of a millisecond, or an instant outside [2000-01-01, 2100-01-01) UTC (epoch
 * seconds sent as milliseconds land in January 1970) are BAD_TIMESTAMP.
 */
final class EventTimestamp {
    static final String NAME = "timestamp";
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST_EXCLUSIVE = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern HOUR_OFFSET = Pattern.compile("(T\\d{2}:\\d{2}.*[+-]\\d{2})$");

    private EventTimestamp() {
    }

    /** @return the instant, or an ok value holding null when the record has no timestamp */
    static FieldValue<Instant> read(JsonNode document) {
        JsonNode node = document.get(NAME);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return FieldValue.ok(null);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? inRange(node, Instant.ofEpochMilli(node.longValue()))
                    : bad(node, "epoch milliseconds out of range");
        }
        if (node.isNumber()) {
            try {
                return inRange(node, Instant.ofEpochMilli(node.decimalValue().longValueExact()));
            } catch (ArithmeticException e) {
                return bad(node, "epoch milliseconds must be a whole number");
            }
        }
        if (!node.isTextual()) {
            return bad(node, "expected an ISO-8601 string or epoch milliseconds, got a JSON "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String text = node.asText().trim();
        if (EPOCH_MILLIS.matcher(text).matches()) {
            try {
                return inRange(node, Instant.ofEpochMilli(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return bad(node, "epoch milliseconds out of range");
            }
        }
        try {
            return inRange(node, OffsetDateTime.parse(normalized(text), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return bad(node, "expected ISO-8601 with Z or an offset (e.g. 2026-11-24T10:15:30.123Z) or epoch milliseconds");
        }
    }

    /** Space separator to 'T', lower-case 'z' to 'Z', {@code +0900} and {@code +09} to {@code +09:00}. */
    private static String normalized(String text) {
        String s = text;
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        if (s.endsWith("z")) {
            s = s.substring(0, s.length() - 1) + 'Z';
        }
        if (COMPACT_OFFSET.matcher(s).find() && s.indexOf('T') > 0 && !s.endsWith("Z")) {
            String head = s.substring(0, s.length() - 5);
            String offset = s.substring(s.length() - 5);
            if (head.lastIndexOf(':') > head.indexOf('T')) {
                s = head + offset.substring(0, 3) + ":" + offset.substring(3);
            }
        } else if (HOUR_OFFSET.matcher(s).find()) {
            s = s + ":00";
        }
        return s;
    }

    private static FieldValue<Instant> inRange(JsonNode node, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST_EXCLUSIVE)) {
            return bad(node, "the instant " + instant + " is outside [" + EARLIEST + ", " + LATEST_EXCLUSIVE
                    + ") (epoch seconds instead of milliseconds?)");
        }
        return FieldValue.ok(instant);
    }

    private static FieldValue<Instant> bad(JsonNode node, String why) {
        return FieldValue.bad(ReasonCode.BAD_TIMESTAMP, "Cannot read field 'timestamp' value " + node + ": " + why);
    }
}
