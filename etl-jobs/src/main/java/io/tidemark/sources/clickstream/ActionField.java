package io.tidemark.sources.clickstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.util.Locale;

/**
 * The required {@code action}: a string, trimmed and lower-cased ({@code " Click "} is {@code click}). Actions this
 * ETL does not know ({@code share}, ...) are kept as they are: the warehouse counts them apart. Absent, null or blank:
 * MISSING_KEY (the action is part of the record's grain); not a string: SCHEMA_MISMATCH.
 */
final class ActionField {
    static final String NAME = "action";

    private ActionField() {
    }

    static FieldValue<String> read(JsonNode document) {
        JsonNode node = document.get(NAME);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return FieldValue.bad(ReasonCode.MISSING_KEY, "Cannot read field 'action': it is "
                    + (node == null ? "absent" : node.isNull() ? "null" : "a blank string") + "; expected a non-blank string");
        }
        if (!node.isTextual()) {
            return FieldValue.bad(ReasonCode.SCHEMA_MISMATCH, "Cannot read field 'action' value " + node
                    + ": expected a string, got a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return FieldValue.ok(node.asText().trim().toLowerCase(Locale.ROOT));
    }
}
