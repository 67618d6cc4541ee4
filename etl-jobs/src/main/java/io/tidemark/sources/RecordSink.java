package io.tidemark.sources;

import io.tidemark.landing.QuarantineRecord;
import java.time.Instant;

/** Where a parser sends what it found in one object, in object order. */
public interface RecordSink {
    /**
     * A curated row.
     *
     * @param dataset   the dataset (one of the parser's {@link ObjectParser#datasets()})
     * @param values    the values in the order of the dataset schema's columns ({@code schemas/<dataset>.json}),
     *                  typed String / Integer / Long / Double / Boolean / java.sql.Timestamp / java.sql.Date for
     *                  string / int / bigint / double / boolean / timestamp / date; null where absent
     * @param offset    ordinal of the record in the object (0-based), used for lineage and deterministic dedup
     * @param eventTime the record's event time: decides its {@code dt} / {@code hr} partition (UTC)
     */
    void row(String dataset, Object[] values, long offset, Instant eventTime);

    /** A record (or the rest of the object) that cannot be curated. */
    void quarantine(QuarantineRecord record);

    /** Expected traffic that carries no data (a CloudWatch Logs CONTROL_MESSAGE): counted, not stored. */
    void control();
}
