package io.tidemark.sources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The JSON kind of a new field's value, as the source hands it to the conform stage: one tag character in front
 * of the value's text ({@code l42}, {@code d4.5}, {@code btrue}, {@code shello}), so the curate step can infer a
 * column type per field across the batch without parsing JSON again.
 */
public enum NewFieldKind {
    /** An integral JSON number that fits a 64-bit long. */
    BIGINT('l', "bigint"),
    /** Any other JSON number. */
    DOUBLE('d', "double"),
    BOOLEAN('b', "boolean"),
    STRING('s', "string");

    private final char tag;
    private final String columnType;

    NewFieldKind(char tag, String columnType) {
        this.tag = tag;
        this.columnType = columnType;
    }

    /** The tag character that starts an encoded value. */
    public char tag() {
        return tag;
    }

    /** The column type ({@code schemas/*.json} spelling) a value of this kind is stored as on its own. */
    public String columnType() {
        return columnType;
    }

    /** The tagged text of a scalar JSON value; empty for null, objects and arrays (they are not new columns). */
    public static Optional<String> encode(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(BIGINT.tag + Long.toString(value.longValue()));
        }
        if (value.isNumber()) {
            return Optional.of(DOUBLE.tag + Double.toString(value.doubleValue()));
        }
        if (value.isBoolean()) {
            return Optional.of(BOOLEAN.tag + Boolean.toString(value.booleanValue()));
        }
        if (value.isTextual()) {
            return Optional.of(STRING.tag + value.textValue());
        }
        return Optional.empty();
    }

    public static NewFieldKind ofTag(char tag) {
        for (NewFieldKind kind : values()) {
            if (kind.tag == tag) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Cannot read new field value: unknown kind tag '" + tag + "'");
    }

    /** The kind of a column type, or empty for types new fields never take (int, timestamp, date). */
    public static Optional<NewFieldKind> ofColumnType(String columnType) {
        for (NewFieldKind kind : values()) {
            if (kind.columnType.equals(columnType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
