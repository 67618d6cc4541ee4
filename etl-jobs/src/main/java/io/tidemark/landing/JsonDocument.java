package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON record framed out of a landed object.
 *
 * @param node    the parsed record (always a JSON object)
 * @param rawText the record's text as landed (UTF-8 decoded), for quarantine records
 * @param offset  ordinal of the record in the object (0-based); quarantined records take an ordinal too
 */
public record JsonDocument(JsonNode node, String rawText, long offset) {
    public JsonDocument {
        requireNonNull(node, "node is null");
        requireNonNull(rawText, "rawText is null");
    }
}
