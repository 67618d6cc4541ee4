package io.tidemark.landing;

/**
 * Why a record (or a whole object) left the flow for quarantine. The names are part of the
 * contract in DESIGN.md: they are stored in the quarantine tables and counted in the result line.
 */
public enum ReasonCode {
    /** The object's compression cannot be decoded at all (garbage, wrong magic, bad header). */
    CORRUPT_COMPRESSION,
    /** The object ends in the middle of a compressed member or a record: the tail is lost. */
    TRUNCATED_OBJECT,
    /** A record is not well-formed JSON. */
    MALFORMED_JSON,
    /** A CSV row cannot be split into the expected fields. */
    MALFORMED_CSV,
    /** A record is well-formed but its fields do not match the dataset's schema (count, type). */
    SCHEMA_MISMATCH,
    /** A record lacks the field its dataset is keyed on. */
    MISSING_KEY,
    /** A record's event time is missing or cannot be read as a time. */
    BAD_TIMESTAMP,
    /** A record's type is not one this family knows (for example an unknown messageType). */
    UNKNOWN_RECORD_TYPE,
    /** A record is larger than the configured maximum record size. */
    OVERSIZED_RECORD,
    /**
     * A record's event time lies further before its object's Firehose arrival time than the job's late-arrival
     * horizon ({@code lateArrivalHorizonDays}); its partition is considered closed.
     */
    TOO_LATE,
    /**
     * A Firehose error-output record (under {@code processing-failed/} or any error-output folder other than
     * {@code format-conversion-failed/}) whose original record cannot be recovered: its {@code rawData} is
     * missing, not base64, or does not decode to readable records. The detail carries Firehose's error code and
     * message.
     */
    FIREHOSE_PROCESSING_FAILED,
    /**
     * A Firehose error-output record under {@code format-conversion-failed/} whose original record cannot be
     * recovered (as for {@link #FIREHOSE_PROCESSING_FAILED}); the detail carries Firehose's error code and message.
     */
    FIREHOSE_FORMAT_CONVERSION_FAILED,
    /**
     * A curated row failed a row-level rule of its dataset's blocking quality ruleset
     * ({@code schemas/quality/<dataset>.dqdl}); the detail names the rules it failed.
     */
    QUALITY_RULE
}
