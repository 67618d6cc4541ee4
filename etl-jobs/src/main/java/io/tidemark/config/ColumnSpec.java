package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * One column of a dataset schema.
 *
 * @param name     column name (lower-case identifier)
 * @param type     one of string, int, bigint, double, boolean, timestamp, date
 * @param nullable whether nulls are allowed (default true)
 * @param doc      what the column holds; at most {@value #MAX_DOC_LENGTH} characters, the Glue Data Catalog's limit for a
 *                 column comment (the Hive metastore keeps 256)
 */
public record ColumnSpec(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("nullable") Boolean nullable,
        @JsonProperty("doc") String doc) {

    public static final int MAX_DOC_LENGTH = 255;

    public static final Set<String> TYPES = Set.of("string", "int", "bigint", "double", "boolean", "timestamp", "date");

    public ColumnSpec {
        SqlIdentifier.require(name, "columns[].name");
        if (type == null || !TYPES.contains(type)) {
            throw new ConfigException("Cannot use column '" + name + "': type '" + type + "' is not one of " + TYPES);
        }
        nullable = nullable == null ? Boolean.TRUE : nullable;
        doc = doc == null ? "" : doc;
        if (doc.length() > MAX_DOC_LENGTH) {
            throw new ConfigException("Cannot use the doc of column '" + name + "': " + doc.length() + " characters, more than the "
                    + MAX_DOC_LENGTH + " a Glue Data Catalog or Hive metastore column comment holds; shorten it");
        }
    }

    public boolean isNullable() {
        return nullable;
    }
}
