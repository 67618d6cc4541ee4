package io.tidemark.warehouse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of {@code dim_date}. Seasons are the northern meteorological ones (Winter Dec-Feb, Spring Mar-May,
 * Summer Jun-Aug, Autumn Sep-Nov); the fiscal year is the calendar year.
 */
public record DimDateRow(
        int datekey,
        int dayOfMonth,
        int monthNum,
        String dayOfWeek,
        LocalDate prettyDate,
        int quarter,
        int half,
        int year,
        String season,
        int fiscalYear) {

    public DimDateRow {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek is null");
        Objects.requireNonNull(prettyDate, "prettyDate is null");
        Objects.requireNonNull(season, "season is null");
    }

    public static DimDateRow of(LocalDate day) {
        int month = day.getMonthValue();
        return new DimDateRow(
                DateKey.of(day).value(),
                day.getDayOfMonth(),
                month,
                dayName(day.getDayOfWeek()),
                day,
                (month - 1) / 3 + 1,
                month <= 6 ? 1 : 2,
                day.getYear(),
                season(day.getMonth()),
                day.getYear());
    }

    private static String dayName(DayOfWeek dayOfWeek) {
        String name = dayOfWeek.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String season(Month month) {
        return switch (month) {
            case DECEMBER, JANUARY, FEBRUARY -> "Winter";
            case MARCH, APRIL, MAY -> "Spring";
            case JUNE, JULY, AUGUST -> "Summer";
            case SEPTEMBER, OCTOBER, NOVEMBER -> "Autumn";
        };
    }
}
