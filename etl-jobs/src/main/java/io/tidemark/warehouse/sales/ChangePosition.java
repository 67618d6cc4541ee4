package io.tidemark.warehouse.sales;

import io.tidemark.sources.cdc.SalesChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where a change sits in a sale's history, as one string whose order is the change order: change_ts first, then
 * source_seq, then change_key as the final tiebreak (unique per stored change, so the order is total and a
 * collapse never depends on input order).
 *
 * <p>The string holds only lower-case hex digits, so every collation (PostgreSQL's locale-dependent ones,
 * Redshift's byte order, Java's) compares it alike: 16 hex digits of change_ts in epoch microseconds with the sign
 * bit flipped, the UTF-8 bytes of source_seq in hex, {@code 00} as terminator (a shorter source_seq that is a prefix
 * of a longer one sorts first), then the 64 hex digits of change_key. source_seq compares by its UTF-8 bytes, which
 * is code point order.
 */
public record ChangePosition(String value) implements Comparable<ChangePosition> {
    /** The longest source_seq, in UTF-8 bytes, that {@code fact_sales.last_source_seq} holds. */
    public static final int MAX_SOURCE_SEQ_BYTES = 512;

    public ChangePosition {
        Objects.requireNonNull(value, "value is null");
    }

    public static ChangePosition of(SalesChange change) {
        return of(change.changeTs(), change.sourceSeq(), change.changeKey());
    }

    public static ChangePosition of(Instant changeTs, String sourceSeq, String changeKey) {
        byte[] seq = sourceSeq.getBytes(StandardCharsets.UTF_8);
        if (seq.length > MAX_SOURCE_SEQ_BYTES) {
            throw new IllegalArgumentException("Cannot order change " + changeKey + ": its source_seq has " + seq.length
                    + " UTF-8 bytes, more than " + MAX_SOURCE_SEQ_BYTES);
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, changeTs);
        return new ChangePosition(String.format("%016x", micros ^ Long.MIN_VALUE) + HexFormat.of().formatHex(seq)
                + "00" + changeKey.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(ChangePosition other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
