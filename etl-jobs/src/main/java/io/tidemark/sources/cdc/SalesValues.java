package io.tidemark.sources.cdc;

import io.tidemark.landing.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Reads text fields of a sales row as their column types; a bad value is a {@link BadValue}, never an exception. */
final class SalesValues {
    /** yyyy-MM-dd HH:mm:ss with 0 to 9 fractional digits (DMS writes 6, Qlik 7), read as UTC. */
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private SalesValues() {
    }

    static Double price(String column, String text) throws BadValue {
        if (text == null) {
            return null;
        }
        try {
            return finite(column, new BigDecimal(text.trim()).doubleValue(), text);
        } catch (NumberFormatException e) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH,
                    "Cannot read " + column + " '" + text + "': expected a decimal number");
        }
    }

    static Double finite(String column, double value, String text) throws BadValue {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH,
                    "Cannot read " + column + " '" + text + "': expected a finite decimal number");
        }
        return value;
    }

    static Integer quantity(String column, String text) throws BadValue {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH,
                    "Cannot read " + column + " '" + text + "': expected an integer (32-bit)");
        }
    }

    /**
     * A timestamp as text: {@code yyyy-MM-dd HH:mm:ss[.f]} (UTC), ISO-8601 with an offset or Z, ISO local
     * date-time (UTC) or a bare date (midnight UTC).
     */
    static Instant timestamp(String column, String text) throws BadValue {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.length() > 10 && t.charAt(10) == ' ') {
                return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadValue(ReasonCode.BAD_TIMESTAMP, "Cannot read " + column + " '" + text
                    + "': expected yyyy-MM-dd HH:mm:ss[.ffffff] (UTC) or ISO-8601");
        }
    }
}
