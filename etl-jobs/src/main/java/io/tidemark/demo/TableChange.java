package io.tidemark.demo;

import java.time.Instant;

/**
 * One committed change of the source table.
 *
 * @param commit  commit time
 * @param op      I, U or D
 * @param before  the row before (null for I)
 * @param after   the row after (null for D)
 * @param binlogPos the change's MySQL binlog position (Debezium's source.pos)
 */
record TableChange(Instant commit, String op, SaleRow before, SaleRow after, long binlogPos) {
    String saleId() {
        return after != null ? after.saleId() : before.saleId();
    }
}
