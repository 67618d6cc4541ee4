package io.tidemark.sources.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;

/**
 * Reads Debezium-encoded column values. The field's Connect schema ({@code {"type","name","parameters"}}), when the
 * envelope carries one, decides encodings; without it numbers are read by magnitude.
 */
final class DebeziumValues {
    private static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
    private static final long MAX_EPOCH_DAYS = 1_000_000L;
    private static final long MAX_EPOCH_MILLIS = 100_000_000_000_000L;
    private static final long MAX_EPOCH_MICROS = 100_000_000_000_000_000L;

    private DebeziumValues() {
    }

    static String text(String column, JsonNode value) throws BadValue {
        if (absent(value)) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH, "Cannot read " + column + " " + value + ": expected a scalar");
        }
        return value.asText();
    }

    /** A decimal: a JSON number, a decimal string, a VariableScaleDecimal struct, or base64 bytes with a schema scale. */
    static Double decimal(String column, JsonNode value, JsonNode schema) throws BadValue {
        if (absent(value)) {
            return null;
        }
        if (value.isNumber()) {
            return SalesValues.finite(column, value.doubleValue(), value.toString());
        }
        if (value.isObject() && value.has("scale") && value.has("value")) {
            return bytesDecimal(column, value.get("value").asText(), value.get("scale").asInt());
        }
        if (!value.isTextual()) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH, "Cannot read " + column + " " + value + ": expected a decimal");
        }
        String text = value.asText();
        if (schema != null && "bytes".equals(schema.path("type").asText()) && DECIMAL.equals(schema.path("name").asText())) {
            JsonNode scale = schema.path("parameters").path("scale");
            if (scale.isMissingNode() || scale.isNull()) {
                throw new BadValue(ReasonCode.SCHEMA_MISMATCH, "Cannot read " + column + " '" + text
                        + "': base64 decimal bytes but the schema gives no scale");
            }
            return bytesDecimal(column, text, Integer.parseInt(scale.asText().trim()));
        }
        try {
            return SalesValues.finite(column, new BigDecimal(text.trim()).doubleValue(), text);
        } catch (NumberFormatException e) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH, "Cannot read " + column + " '" + text + "': expected a "
                    + "decimal number or string (base64 bytes of decimal.handling.mode=precise need the envelope's "
                    + "schema for the scale)");
        }
    }

    private static Double bytesDecimal(String column, String base64, int scale) throws BadValue {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("no bytes");
            }
            return new BigDecimal(new BigInteger(bytes), scale).doubleValue();
        } catch (IllegalArgumentException e) {
            throw new BadValue(ReasonCode.SCHEMA_MISMATCH, "Cannot read " + column + " '" + base64
                    + "': expected base64 two's-complement decimal bytes (" + e.getMessage() + ")");
        }
    }

    static Integer integer(String column, JsonNode value) throws BadValue {
        if (absent(value)) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            return SalesValues.quantity(column, value.asText());
        }
        throw new BadValue(ReasonCode.SCHEMA_MISMATCH, "Cannot read " + column + " " + value + ": expected an integer (32-bit)");
    }

    /**
     * A point in time: io.debezium.time.Date / Connect Date (epoch days), Timestamp (millis), MicroTimestamp
     * (micros), NanoTimestamp (nanos), or ZonedTimestamp / any ISO text. Without a schema a number is read by
     * magnitude: below 10^6 epoch days, below 10^14 millis, below 10^17 micros, else nanos.
     */
    static Instant instant(String column, JsonNode value, JsonNode schema) throws BadValue {
        if (absent(value)) {
            return null;
        }
        if (value.isTextual()) {
            return SalesValues.timestamp(column, value.asText());
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BadValue(ReasonCode.BAD_TIMESTAMP, "Cannot read " + column + " " + value
                    + ": expected epoch days/millis/micros or an ISO-8601 string");
        }
        long v = value.longValue();
        String name = schema == null ? "" : schema.path("name").asText("");
        if (name.endsWith(".Date")) {
            return Instant.ofEpochSecond(v * 86_400);
        }
        if (name.endsWith("MicroTimestamp")) {
            return micros(v);
        }
        if (name.endsWith("NanoTimestamp")) {
            return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        }
        if (name.endsWith("Timestamp")) {
            return Instant.ofEpochMilli(v);
        }
        long magnitude = Math.abs(v);
        if (magnitude < MAX_EPOCH_DAYS) {
            return Instant.ofEpochSecond(v * 86_400);
        }
        if (magnitude < MAX_EPOCH_MILLIS) {
            return Instant.ofEpochMilli(v);
        }
        if (magnitude < MAX_EPOCH_MICROS) {
            return micros(v);
        }
        return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
    }

    private static Instant micros(long v) {
        return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
