package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import io.tidemark.landing.ReasonCode;

/**
 * One bad record {@link SalesCdcLandingGenerator} wrote to a feed on purpose, and why a run must quarantine it.
 *
 * @param source aurora, dms or debezium
 * @param text   the record as written
 * @param reason the quarantine reason
 */
public record PlannedSalesQuarantine(String source, String text, ReasonCode reason) {
    public PlannedSalesQuarantine {
        requireNonNull(source, "source");
        requireNonNull(text, "text");
        requireNonNull(reason, "reason");
    }
}
