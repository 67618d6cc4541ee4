package io.tidemark.conform;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One partition of a dataset: its partition column values, in the dataset's partitioning order. */
public record PartitionKey(String dataset, Map<String, String> values) implements Comparable<PartitionKey> {
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
    public String label() {
        return dataset + "/" + path();
    }

    @Override
    public int compareTo(PartitionKey other) {
        return label().compareTo(other.label());
    }
}
