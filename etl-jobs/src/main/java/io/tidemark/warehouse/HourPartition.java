package io.tidemark.warehouse;

import java.time.LocalDate;
import java.util.Comparator;

/** One hourly partition of a dataset: a day ({@code yyyyMMdd}) and an hour 0-23 (UTC). */
public record HourPartition(int datekey, int hr) implements Comparable<HourPartition> {
    private static final Comparator<HourPartition> ORDER =
            Comparator.comparingInt(HourPartition::datekey).thenComparingInt(HourPartition::hr);

    public HourPartition {
        new DateKey(datekey);
        if (hr < 0 || hr > 23) {
            throw new IllegalArgumentException("Cannot use hour " + hr + " of " + datekey + ": expected 0-23");
        }
    }

    public static HourPartition of(LocalDate day, int hr) {
        return new HourPartition(DateKey.of(day).value(), hr);
    }

    /** {@code yyyyMMdd/HH}, e.g. {@code 20261125/05}. */
    public String label() {
        return String.format("%d/%02d", datekey, hr);
    }

    @Override
    public int compareTo(HourPartition other) {
        return ORDER.compare(this, other);
    }
}
