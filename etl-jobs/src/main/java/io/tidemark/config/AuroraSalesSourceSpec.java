package io.tidemark.config;

/**
 * The seed's Aurora trigger CSV (Aurora -> Lambda -> Firehose), fixed layout without header:
 * {@code ItemID,Category,Price,Quantity,OrderDate,DestinationState,ShippingType,Referral}. No settings.
 */
public record AuroraSalesSourceSpec() implements SourceSpec {
}
