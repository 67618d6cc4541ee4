package io.tidemark.sources;

import io.tidemark.landing.QuarantineRecord;
import java.time.Instant;
import java.util.Map;

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

    /**
     * A curated row with the record's new fields ({@link NewFields}), for datasets whose schema adds new fields
     * as columns ({@code "evolution": {"newFields": "add"}}). Sinks that do not store new fields (test sinks, the
     * families without new-field support) keep the row and ignore them, as {@link #row(String, Object[], long,
     * Instant)} does.
     *
     * @param newFields new fields by name as landed, values encoded by {@link NewFieldKind#encode}; null if none
     */
    default void row(String dataset, Object[] values, Map<String, String> newFields, long offset, Instant eventTime) {
        row(dataset, values, offset, eventTime);
    }

    /** A record (or the rest of the object) that cannot be curated. */
    void quarantine(QuarantineRecord record);

    /** Expected traffic that carries no data (a CloudWatch Logs CONTROL_MESSAGE): counted, not stored. */
    void control();
}
