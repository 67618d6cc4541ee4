package io.tidemark.sources.cdc;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * One normalized change of the {@code sales} table, in the column order of {@code schemas/sales_changes.json}.
 *
 * @param source    aurora, dms or debezium
 * @param op        I, U or D
 * @param saleId    the primary key (Aurora: a content hash, see {@link AuroraSalesCsvParser})
 * @param changeTs  when the change happened at the source; decides the dt partition
 * @param sourceSeq a sortable position within the source, the tie breaker after changeTs
 * @param image     the row image (after for I/U, before for D)
 */
public record SalesChange(String source, String op, String saleId, Instant changeTs, String sourceSeq,
                          SalesImage image) {
    public static final String DATASET = "sales_changes";
    public static final String AURORA = "aurora";
    public static final String DMS = "dms";
    public static final String DEBEZIUM = "debezium";

    public SalesChange {
        requireNonNull(source, "source");
        requireNonNull(op, "op");
        requireNonNull(saleId, "saleId");
        requireNonNull(changeTs, "changeTs");
        requireNonNull(sourceSeq, "sourceSeq");
        requireNonNull(image, "image");
    }

    /**
     * The dedup key: SHA-256 hex of source, sale_id, change time and source sequence. Aurora rows are an insert-only
     * feed whose sale_id is the line's content hash, so their key is source and sale_id alone: a redelivered line
     * lands under a new object key with a new arrival time (its change time and position), but it is the same insert.
     */
    public String changeKey() {
        boolean aurora = AURORA.equals(source);
        String joined = source + '\u001f' + saleId + '\u001f' + (aurora ? "" : changeTs) + '\u001f' + (aurora ? "" : sourceSeq);
        return DigestUtils.sha256Hex(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The curated row, in schema column order. */
    public Object[] toRow() {
        return new Object[] {
            changeKey(), source, op, saleId, Timestamp.from(changeTs), sourceSeq,
            image.itemId(), image.category(), image.price(), image.quantity(),
            image.orderDate() == null ? null : Timestamp.from(image.orderDate()),
            image.destinationState(), image.shippingType(), image.referral()
        };
    }
}
