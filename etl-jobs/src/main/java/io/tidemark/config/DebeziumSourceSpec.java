package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Debezium change events (JSON, with or without {@code schema}) of the {@code sales} table.
 *
 * @param keyField     the source column holding the primary key, read into {@code sale_id}; default {@code sale_id}
 * @param fieldMapping source column name -> normalized column name ({@code item_id}, {@code category},
 *                     {@code price}, {@code quantity}, {@code order_date}, {@code destination_state},
 *                     {@code shipping_type}, {@code referral}); a normalized column not mapped is read from the source
 *                     column of the same name (identity)
 */
public record DebeziumSourceSpec(
        @JsonProperty("keyField") String keyField,
        @JsonProperty("fieldMapping") Map<String, String> fieldMapping) implements SourceSpec {

    public static final Set<String> IMAGE_COLUMNS = Set.of("item_id", "category", "price", "quantity", "order_date",
            "destination_state", "shipping_type", "referral");

    public DebeziumSourceSpec {
        keyField = keyField == null || keyField.isBlank() ? "sale_id" : keyField;
        fieldMapping = Map.copyOf(fieldMapping == null ? Map.of() : fieldMapping);
        for (Map.Entry<String, String> e : fieldMapping.entrySet()) {
            if (!IMAGE_COLUMNS.contains(e.getValue())) {
                throw new ConfigException("Cannot use source.fieldMapping '" + e.getKey() + "' -> '" + e.getValue()
                        + "': expected a target among " + IMAGE_COLUMNS);
            }
        }
        if (fieldMapping.values().stream().distinct().count() != fieldMapping.size()) {
            throw new ConfigException("Cannot use source.fieldMapping " + fieldMapping + ": two source columns map to one target");
        }
    }

    public static DebeziumSourceSpec defaults() {
        return new DebeziumSourceSpec(null, null);
    }

    /** The source column a normalized image column is read from. */
    public String sourceColumn(String normalized) {
        return fieldMapping.entrySet().stream().filter(e -> e.getValue().equals(normalized))
                .map(Map.Entry::getKey).findFirst().orElse(normalized);
    }

    /** A change feed: no horizon. */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.empty();
    }
}
