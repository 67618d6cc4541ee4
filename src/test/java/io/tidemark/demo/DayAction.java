package io.tidemark.demo;

import java.util.Comparator;

/** Key of the daily flow figures: UTC date of {@code start} ({@code yyyy-MM-dd}) and action. */
public record DayAction(String date, String action) implements Comparable<DayAction> {
    private static final Comparator<DayAction> ORDER =
            Comparator.comparing(DayAction::date).thenComparing(DayAction::action);

    @Override
    public int compareTo(DayAction other) {
        return ORDER.compare(this, other);
    }
}
