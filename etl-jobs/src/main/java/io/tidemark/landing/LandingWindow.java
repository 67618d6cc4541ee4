package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;

/**
 * The slice of the landing zone a run reads: one arrival day, or one arrival hour, as Firehose's default
 * {@code YYYY/MM/dd/HH/} prefix lays it out (UTC).
 */
public record LandingWindow(LocalDate date, OptionalInt hour) {
    private static final DateTimeFormatter PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    public LandingWindow {
        requireNonNull(date, "date is null");
        requireNonNull(hour, "hour is null");
        if (hour.isPresent() && (hour.getAsInt() < 0 || hour.getAsInt() > 23)) {
            throw new IllegalArgumentException("Cannot use hour " + hour.getAsInt() + ": expected 0-23");
        }
    }

    public static LandingWindow day(LocalDate date) {
        return new LandingWindow(date, OptionalInt.empty());
    }

    public static LandingWindow hour(LocalDate date, int hour) {
        return new LandingWindow(date, OptionalInt.of(hour));
    }

    /** The prefix of this window under a family's landing prefix, e.g. {@code cwlogs/2026/11/24/10/}. */
    public String prefixUnder(String landingPrefix) {
        String day = landingPrefix + date.format(PATH) + "/";
        return hour.isPresent() ? day + String.format("%02d/", hour.getAsInt()) : day;
    }

    /** {@code 2026-11-24T10} for an hour, {@code 2026-11-24} for a day. */
    public String label() {
        return hour.isPresent() ? date + String.format("T%02d", hour.getAsInt()) : date.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
