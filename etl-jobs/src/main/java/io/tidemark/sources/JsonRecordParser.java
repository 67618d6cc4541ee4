package io.tidemark.sources;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;

/**
 * Turns one JSON record of a JSON family (SES, clickstream, GuardDuty, Debezium, ...) into curated rows or
 * quarantine records. Splitting objects into records (concatenated, newline or CRLF separated, gzip members,
 * Firehose error output) is done before, by the framing layer.
 */
public interface JsonRecordParser extends Serializable {
    List<String> datasets();

    /**
     * @param document the record
     * @param rawText  the record's text as landed, for quarantine records
     * @param offset   ordinal of the record in the object (0-based)
     */
    void parse(JsonNode document, String rawText, long offset, LandedObject object, RecordSink sink);
}
