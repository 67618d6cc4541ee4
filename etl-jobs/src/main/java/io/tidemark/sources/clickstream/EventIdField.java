package io.tidemark.sources.clickstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.util.Locale;

/**
 * The optional {@code event_id}: a string (trimmed) or a JSON integer (its decimal text). Absent, null or blank: no
 * id (the key falls back to a hash). Anything else (a fraction, boolean, object, array): SCHEMA_MISMATCH, since the
 * record's dedup key could not be derived reliably.
 */
final class EventIdField {
    static final String NAME = "event_id";

    private EventIdField() {
    }

    static FieldValue<String> read(JsonNode document) {
        JsonNode node = document.get(NAME);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return FieldValue.ok(null);
        }
        if (node.isTextual()) {
            return FieldValue.ok(node.asText().trim());
        }
        if (node.isIntegralNumber()) {
            return FieldValue.ok(node.bigIntegerValue().toString());
        }
        return FieldValue.bad(ReasonCode.SCHEMA_MISMATCH, "Cannot read field 'event_id' value " + node
                + ": expected a string or an integer, got a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
