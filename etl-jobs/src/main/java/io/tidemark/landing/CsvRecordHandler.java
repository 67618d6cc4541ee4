package io.tidemark.landing;

/** Receives what a {@link CsvRecordReader} reads out of one object, in object order. */
public interface CsvRecordHandler {
    void record(CsvRecord record);

    /**
     * A record (or the rest of the object) that cannot be read: OVERSIZED_RECORD, MALFORMED_CSV, TRUNCATED_OBJECT or
     * CORRUPT_COMPRESSION.
     *
     * @param raw the raw text, possibly shortened
     */
    void quarantine(long offset, ReasonCode reason, String detail, String raw);
}
