package io.tidemark.conform.evolution;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tidemark.config.ColumnSpec;

/**
 * One column of a dataset's recorded schema.
 *
 * @param origin  {@code schema} (declared in schemas/&lt;dataset&gt;.json), {@code raw_field} (added for a new
 *                field of the raw data), {@code partition_key} (added for a dynamic partitioning key of a job's
 *                landing prefix) or {@code retained} (removed from the schema file, kept in the table)
 * @param field   for {@code raw_field}: the field's name as landed; for {@code partition_key}: the key's name
 * @param addedBy the run that added the column ({@code raw_field}, {@code partition_key}) or retained it
 *                ({@code retained})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedColumn(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("nullable") boolean nullable,
        @JsonProperty("origin") String origin,
        @JsonProperty("field") String field,
        @JsonProperty("addedBy") String addedBy) {

    public static final String SCHEMA = "schema";
    public static final String RAW_FIELD = "raw_field";
    public static final String RETAINED = "retained";
    public static final String PARTITION_KEY = "partition_key";

    public RecordedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(origin, "origin is null");
    }

    static RecordedColumn declared(ColumnSpec column) {
        return new RecordedColumn(column.name(), column.type(), column.isNullable(), SCHEMA, null, null);
    }

    boolean fromRawField() {
        return origin.equals(RAW_FIELD);
    }

    boolean fromPartitionKey() {
        return origin.equals(PARTITION_KEY);
    }

    /** The column as the curated row and the catalog carry it. */
    ColumnSpec toColumnSpec() {
        String doc = switch (origin) {
            case RAW_FIELD -> "added by schema evolution for the raw field '" + field + "' (run " + addedBy + ")";
            case RETAINED -> "no longer in the dataset schema; kept, null from run " + addedBy;
            case PARTITION_KEY -> "the Firehose dynamic partitioning key '" + (field.length() > 100 ? field.substring(0, 97) + "..." : field)
                    + "' in the object's key, null for objects without it (added by run " + addedBy + ")";
            default -> "";
        };
        return new ColumnSpec(name, type, nullable, doc);
    }
}
