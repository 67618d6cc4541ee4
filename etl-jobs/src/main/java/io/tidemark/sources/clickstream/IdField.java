package io.tidemark.sources.clickstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A required bigint id ({@code article_id}, {@code user_id}). Accepted: a JSON integer, an integral JSON number
 * ({@code 42.0}), or a string holding a decimal integer ({@code "42"}, {@code " 0042 "}), all within the bigint
 * range. Absent, JSON null or a blank string: MISSING_KEY (the id is a key of the record's grain and its join key to
 * the dimension). Anything else (letters, fractions, booleans, objects, out of range): SCHEMA_MISMATCH.
 */
final class IdField {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");

    private IdField() {
    }

    static FieldValue<Long> read(JsonNode document, String name) {
        JsonNode node = document.get(name);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return FieldValue.bad(ReasonCode.MISSING_KEY, "Cannot read field '" + name + "': it is "
                    + (node == null ? "absent" : node.isNull() ? "null" : "a blank string")
                    + "; expected a bigint id (number or numeric string)");
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                return FieldValue.ok(node.longValue());
            }
            return mismatch(name, node, "it is out of the bigint range");
        }
        if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue();
            try {
                return FieldValue.ok(decimal.longValueExact());
            } catch (ArithmeticException e) {
                return mismatch(name, node, "it is not a whole number in the bigint range");
            }
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (INTEGER.matcher(text).matches()) {
                try {
                    return FieldValue.ok(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
                } catch (NumberFormatException e) {
                    return mismatch(name, node, "it is out of the bigint range");
                }
            }
            return mismatch(name, node, "it is not a decimal integer");
        }
        return mismatch(name, node, "it is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static FieldValue<Long> mismatch(String name, JsonNode node, String why) {
        return FieldValue.bad(ReasonCode.SCHEMA_MISMATCH, "Cannot read field '" + name + "' value " + node
                + " as a bigint id: " + why);
    }
}
