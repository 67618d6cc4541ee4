package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One change row {@link SalesCdcLandingGenerator} wrote to a feed, with its intended fate: stored, or (when
 * {@code duplicateOf} is set) a redelivery of a change the feed already carried, which a run must drop.
 *
 * @param source         aurora, dms or debezium ({@link SalesCdcLandingGenerator#AURORA} ...)
 * @param op             I, U or D
 * @param saleId         the sale's primary key (Aurora: the feed's deterministic id, the SHA-256 of the line)
 * @param changeTime     when the change happened as the feed tells it (Aurora: the object's arrival; DMS full load:
 *                       the load window's 00:00; DMS CDC: the batch's end; Debezium: the commit)
 * @param sourcePosition the change's position in its feed ({@code <object>:<line>} for Aurora and DMS, Debezium's
 *                       {@code mysql:<binlog>:<pos>:<row>}), the tie breaker after the change time
 * @param image          the row image (after for I/U, before for D); null when the feed carries the key alone (a
 *                       Debezium delete)
 * @param duplicateOf    for a redelivery, the source position of the first delivery; otherwise null
 */
public record PlannedSalesChange(String source, String op, String saleId, Instant changeTime, String sourcePosition,
                                 SaleRow image, String duplicateOf) {
    public PlannedSalesChange {
        requireNonNull(source, "source");
        requireNonNull(op, "op");
        requireNonNull(saleId, "saleId");
        requireNonNull(changeTime, "changeTime");
        requireNonNull(sourcePosition, "sourcePosition");
    }

    /** Whether it repeats a change the feed already carried. */
    public boolean redelivered() {
        return duplicateOf != null;
    }
}
