package io.tidemark.conform.evolution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tidemark.config.SqlIdentifier;
import java.util.List;
import java.util.Optional;

/**
 * The schema a dataset's lake and catalog table hold: its key and every column, those of
 * {@code schemas/<dataset>.json} and those schema evolution added, in the order they were added. Kept in the lake
 * ({@link SchemaRecords}) so that reruns and later runs evolve from the same columns, in the same order.
 */
public record RecordedSchema(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("key") List<String> key,
        @JsonProperty("columns") List<RecordedColumn> columns) {

    public RecordedSchema {
        SqlIdentifier.require(dataset, "dataset");
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }

    public Optional<RecordedColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
