package io.tidemark.demo;

import java.time.Instant;

/** One row of the source {@code sales} table as the generator keeps it; price in cents, referral may be null. */
record SaleRow(String saleId, String itemId, String category, long priceCents, int quantity, Instant orderDate,
               String destinationState, String shippingType, String referral) {

    String priceText() {
        return String.format("%d.%02d", priceCents / 100, priceCents % 100);
    }

    SaleRow withPrice(long cents) {
        return new SaleRow(saleId, itemId, category, cents, quantity, orderDate, destinationState, shippingType, referral);
    }

    SaleRow withQuantity(int q) {
        return new SaleRow(saleId, itemId, category, priceCents, q, orderDate, destinationState, shippingType, referral);
    }

    SaleRow withCategory(String c) {
        return new SaleRow(saleId, itemId, c, priceCents, quantity, orderDate, destinationState, shippingType, referral);
    }

    SaleRow withReferral(String r) {
        return new SaleRow(saleId, itemId, category, priceCents, quantity, orderDate, destinationState, shippingType, r);
    }
}
