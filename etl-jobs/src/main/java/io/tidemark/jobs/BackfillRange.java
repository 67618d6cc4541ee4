package io.tidemark.jobs;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.ConfigException;
import io.tidemark.landing.LandingWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows of a backfill: every arrival day from {@code from} to {@code to} (both included), or every hour of
 * those days.
 */
public record BackfillRange(LocalDate from, LocalDate to, boolean hourly) {
    /** More windows than this is a typo in a date, not a backfill (about 27 years of days, 3 years of hours). */
    static final int MAX_WINDOWS = 10_000;

    public BackfillRange {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new ConfigException("Cannot backfill from " + from + " to " + to + ": --to is before --from");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days * (hourly ? 24 : 1) > MAX_WINDOWS) {
            throw new ConfigException("Cannot backfill from " + from + " to " + to + (hourly ? " hourly" : "")
                    + ": more than " + MAX_WINDOWS + " windows; split the range");
        }
    }

    /** The windows in time order. */
    public List<LandingWindow> windows() {
        List<LandingWindow> windows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (hourly) {
                for (int hour = 0; hour < 24; hour++) {
                    windows.add(LandingWindow.hour(day, hour));
                }
            } else {
                windows.add(LandingWindow.day(day));
            }
        }
        return windows;
    }

    /** {@code 2026-11-20..2026-11-24}: the result line's window and the ledger's backfill mark. */
    public String label() {
        return from + ".." + to;
    }

    /** {@code 2026-11-20_2026-11-24} (plus {@code _hourly}): names the backfill's progress record. */
    public String id() {
        return from + "_" + to + (hourly ? "_hourly" : "");
    }
}
