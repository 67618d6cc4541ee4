package io.tidemark.sources.cdc;

import java.time.Instant;

/** The non-key columns of a {@code sales} row image; any may be null (a delete's before-image may lack them). */
public record SalesImage(String itemId, String category, Double price, Integer quantity, Instant orderDate,
                         String destinationState, String shippingType, String referral) {
}
