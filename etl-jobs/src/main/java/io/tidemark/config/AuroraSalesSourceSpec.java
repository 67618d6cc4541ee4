package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/**
 * The seed's Aurora trigger CSV (Aurora -> Lambda -> Firehose), fixed layout without header:
 * {@code ItemID,Category,Price,Quantity,OrderDate,DestinationState,ShippingType,Referral}.
 *
 * @param maxRecordBytes lines longer than this (UTF-8 bytes, without the line end) are quarantined as
 *                       OVERSIZED_RECORD; default 1 MiB, at least 1024
 */
public record AuroraSalesSourceSpec(@JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    @JsonCreator
    public AuroraSalesSourceSpec {
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
    }

    /** The defaults. */
    public AuroraSalesSourceSpec() {
        this(null);
    }

    /** A change feed: no horizon, a back-dated OrderDate is business data, not a late change. */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.empty();
    }
}
