package io.tidemark.sources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields of a JSON record that its parser does not map to a column: top-level scalar fields whose name is
 * not one of the parser's known fields, keyed by their name as landed, valued by {@link NewFieldKind#encode}.
 * Nulls, objects and arrays are left out (they carry no column type).
 */
public final class NewFields {
    private NewFields() {
    }

    /** @return the new fields, or null when there are none (the source row's map column stays null) */
    public static Map<String, String> of(JsonNode record, Set<String> knownFields) {
        Map<String, String> found = null;
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (knownFields.contains(field.getKey())) {
                continue;
            }
            var encoded = NewFieldKind.encode(field.getValue());
            if (encoded.isPresent()) {
                if (found == null) {
                    found = new TreeMap<>();
                }
                found.put(field.getKey(), encoded.get());
            }
        }
        return found;
    }
}
