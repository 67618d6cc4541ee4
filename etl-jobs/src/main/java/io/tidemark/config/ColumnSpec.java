package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * One column of a dataset schema.
 *
 * @param name     column name (lower-case identifier)
 * @param type     one of string, int, bigint, double, boolean, timestamp, date
 * @param nullable whether nulls are allowed (default true)
 * @param doc      what the column holds
 */
public record ColumnSpec(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("nullable") Boolean nullable,
        @JsonProperty("doc") String doc) {

    public static final Set<String> TYPES = Set.of("string", "int", "bigint", "double", "boolean", "timestamp", "date");

    public ColumnSpec {
        SqlIdentifier.require(name, "columns[].name");
        if (type == null || !TYPES.contains(type)) {
            throw new ConfigException("Cannot use column '" + name + "': type '" + type + "' is not one of " + TYPES);
        }
        nullable = nullable == null ? Boolean.TRUE : nullable;
        doc = doc == null ? "" : doc;
    }

    public boolean isNullable() {
        return nullable;
    }
}
