package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What {@link SalesCdcLandingGenerator} writes. Never depends on the clock.
 *
 * @param seed         seed of the one {@link java.util.Random} all attributes are drawn from
 * @param day          the CDC day (UTC): the DMS full load is read as of its 00:00 (the window date a run of this
 *                     day gives full-load rows), CDC changes happen from 10:15 on; the initial sales are ordered
 *                     the day before
 * @param initialSales sales present before CDC starts (in the full load and the Debezium snapshot); at least 8
 */
public record SalesCdcLandingSettings(long seed, LocalDate day, int initialSales) {
    public static final LocalDate DEFAULT_DAY = LocalDate.parse("2026-11-24");

    public SalesCdcLandingSettings {
        requireNonNull(day, "day");
        if (initialSales < 8 || initialSales > 9999) {
            throw new IllegalArgumentException("initialSales must be in [8, 9999]: " + initialSales);
        }
    }

    public static SalesCdcLandingSettings small() {
        return new SalesCdcLandingSettings(20261124L, DEFAULT_DAY, 10);
    }

    public static SalesCdcLandingSettings demo() {
        return new SalesCdcLandingSettings(20261124L, DEFAULT_DAY, 200);
    }
}
