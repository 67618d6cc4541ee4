package io.tidemark.warehouse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/** A day as the warehouse's integer key {@code yyyyMMdd}, e.g. 20261125. */
public record DateKey(int value) {
    public DateKey {
        int year = value / 10_000;
        int month = value / 100 % 100;
        int day = value % 100;
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Cannot use datekey " + value + ": not a yyyyMMdd date", e);
        }
    }

    public static DateKey of(LocalDate day) {
        Objects.requireNonNull(day, "day is null");
        return new DateKey(day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth());
    }

    public LocalDate day() {
        return LocalDate.of(value / 10_000, value / 100 % 100, value % 100);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
