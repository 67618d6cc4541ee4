package io.tidemark.sources.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a finding and remembers the first problem found: the reason and a message naming
 * the field, the value and what was expected. Absent or null fields read as null; present fields of the wrong
 * kind are problems.
 */
final class FindingFields {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private final String fieldPath;
    private ReasonCode reason;
    private String detail;

    FindingFields(String fieldPath) {
        this.fieldPath = fieldPath;
    }

    boolean hasProblem() {
        return reason != null;
    }

    ReasonCode reason() {
        return reason;
    }

    String detail() {
        return detail;
    }

    /** A string field (numbers and booleans read as their text). */
    String text(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            return problem(ReasonCode.SCHEMA_MISMATCH, field, node, "a string");
        }
        return node.asText();
    }

    /** The key: a non-empty string. */
    String key(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            if (!hasProblem()) {
                reason = ReasonCode.MISSING_KEY;
                detail = "Cannot read GuardDuty finding: " + fieldPath + field + " is " + (value == null ? "missing" : "empty")
                        + ", expected the finding id";
            }
            return null;
        }
        return value;
    }

    /** An ISO-8601 instant such as 2024-03-05T17:19:58.020Z or 2024-03-05T17:19:58Z; null if absent. */
    Instant timestamp(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            return problem(ReasonCode.BAD_TIMESTAMP, field, node, "an ISO-8601 string such as 2024-03-05T17:19:58.020Z");
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return problem(ReasonCode.BAD_TIMESTAMP, field, node, "an ISO-8601 instant such as 2024-03-05T17:19:58.020Z");
        }
    }

    /** Like {@link #timestamp} but absence is a problem too. */
    Instant requiredTimestamp(JsonNode node, String field) {
        if (absent(node)) {
            return problem(ReasonCode.BAD_TIMESTAMP, field, node, "an ISO-8601 instant (the event time)");
        }
        return timestamp(node, field);
    }

    /** A finite number, written as a JSON number or as a numeric string ("5.0"). */
    Double number(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual() && DECIMAL.matcher(node.asText().strip()).matches()) {
            value = Double.parseDouble(node.asText().strip());
        } else {
            return problem(ReasonCode.SCHEMA_MISMATCH, field, node, "a number such as 2, 5.0 or \"5.0\"");
        }
        if (!Double.isFinite(value)) {
            return problem(ReasonCode.SCHEMA_MISMATCH, field, node, "a finite number");
        }
        return value;
    }

    /** A whole number in int range, written as a JSON number (7 or 7.0) or a string ("7"). */
    Integer integer(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return node.decimalValue().intValueExact();
            }
            if (node.isTextual() && INTEGER.matcher(node.asText().strip()).matches()) {
                return new BigDecimal(node.asText().strip()).intValueExact();
            }
        } catch (ArithmeticException e) {
            return problem(ReasonCode.SCHEMA_MISMATCH, field, node, "a whole number within int range");
        }
        return problem(ReasonCode.SCHEMA_MISMATCH, field, node, "a whole number");
    }

    /** A JSON boolean, or the string "true" / "false". */
    Boolean bool(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asText().toLowerCase(java.util.Locale.ROOT));
        }
        return problem(ReasonCode.SCHEMA_MISMATCH, field, node, "true or false");
    }

    /** Records that a present field has the wrong kind. */
    void mismatch(JsonNode node, String field, String expected) {
        problem(ReasonCode.SCHEMA_MISMATCH, field, node, expected);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private <T> T problem(ReasonCode code, String field, JsonNode node, String expected) {
        if (!hasProblem()) {
            reason = code;
            detail = "Cannot read GuardDuty finding: " + fieldPath + field + " is " + show(node) + ", expected " + expected;
        }
        return null;
    }

    private static String show(JsonNode node) {
        if (absent(node)) {
            return "missing";
        }
        if (node.isContainerNode()) {
            return "an " + EventUnwrapper.kind(node);
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
