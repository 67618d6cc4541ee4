package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The slice of the landing zone a run reads: one arrival day, or one arrival hour, as the stream's Firehose prefix
 * lays it out (in the stream's time zone: UTC unless the job spec sets {@code customTimeZone}).
 */
public record LandingWindow(LocalDate date, Integer hourOrNull) implements Serializable {

    public LandingWindow {
        requireNonNull(date, "date is null");
        if (hourOrNull != null && (hourOrNull < 0 || hourOrNull > 23)) {
            throw new IllegalArgumentException("Cannot use hour " + hourOrNull + ": expected 0-23");
        }
    }

    public static LandingWindow day(LocalDate date) {
        return new LandingWindow(date, null);
    }

    public static LandingWindow hour(LocalDate date, int hour) {
        return new LandingWindow(date, hour);
    }

    /** The arrival hour, or empty for a whole day. */
    public OptionalInt hour() {
        return hourOrNull == null ? OptionalInt.empty() : OptionalInt.of(hourOrNull);
    }

    /** {@code 2026-11-24T10} for an hour, {@code 2026-11-24} for a day. */
    public String label() {
        return hourOrNull != null ? date + String.format("T%02d", hourOrNull) : date.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
