package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One partition of a dataset: its partition column values, in the dataset's partitioning order
 * ({@link DatasetSchema#partitioning()}). It lives next to the schemas because every stage from {@code sources} on
 * names partitions with it. In JSON (the ledger, the result line) it is its {@link #label()}.
 */
public record PartitionKey(String dataset, Map<String, String> values) implements Comparable<PartitionKey>, Serializable {
    public PartitionKey {
        requireNonNull(dataset, "dataset is null");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static PartitionKey of(String dataset, List<String> columns, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), values.get(i));
        }
        return new PartitionKey(dataset, map);
    }

    /** The inverse of {@link #label()}: {@code vpc_flow_logs/dt=2026-11-24/hr=10}. */
    @JsonCreator
    public static PartitionKey parse(String label) {
        String[] parts = label.split("/");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Cannot parse partition label '" + label + "': expected <dataset>/<col>=<value>/...");
            }
            map.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return new PartitionKey(parts[0], map);
    }

    /** {@code dt=2026-11-24/hr=10}: the Hive partition path. */
    public String path() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("/"));
    }

    /** {@code vpc_flow_logs/dt=2026-11-24/hr=10}: how the result line names it. */
    @JsonValue
    public String label() {
        return dataset + "/" + path();
    }

    @Override
    public int compareTo(PartitionKey other) {
        return label().compareTo(other.label());
    }
}
