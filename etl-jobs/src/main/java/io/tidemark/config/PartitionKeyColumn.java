package io.tidemark.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dynamic partitioning key of a job's {@code landingPrefix} ({@code !{partitionKeyFromQuery:k}} or
 * {@code !{partitionKeyFromLambda:k}}) and the curated column that carries each row's value of it: the value in
 * the key of the object the row came from. The column is {@code _partition_<key>} (the key lower-cased, characters
 * other than letters, digits and '_' as '_') unless the job spec names one in {@code "partitionKeyColumns"}.
 *
 * @param key    the key name as the prefix has it
 * @param column the curated column (a nullable string)
 */
public record PartitionKeyColumn(String key, String column) implements Serializable {
    /** The prefix of the default column names. */
    public static final String DEFAULT_PREFIX = "_partition_";
    private static final Set<String> RESERVED = Set.of("_source_object", "_source_offset", "_arrival_ts", "_ingested_at",
            "_run_id", "_new_fields", "dt", "hr");

    public PartitionKeyColumn {
        requireNonNull(key, "key is null");
        SqlIdentifier.require(column, "partition key column");
    }

    /**
     * The columns of a prefix's partition keys, in the prefix's order.
     *
     * @param keys  {@link FirehosePrefix#partitionKeys()} of the job's data prefix
     * @param names the spec's {@code "partitionKeyColumns"} (key name to column name), or null
     */
    public static List<PartitionKeyColumn> of(String job, List<String> keys, Map<String, String> names) {
        Map<String, String> given = names == null ? Map.of() : names;
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(keys);
        if (!unknown.isEmpty()) {
            throw new ConfigException("Cannot use partitionKeyColumns of job '" + job + "': " + unknown + " "
                    + (unknown.size() == 1 ? "is not a partition key" : "are not partition keys") + " of its landingPrefix"
                    + (keys.isEmpty() ? ", which has none" : " (its keys: " + keys + ")"));
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        List<PartitionKeyColumn> columns = new ArrayList<>();
        for (String key : keys) {
            String setting = "partitionKeyColumns." + key + " of job '" + job + "'";
            String column = given.containsKey(key) ? SqlIdentifier.require(given.get(key), setting) : defaultColumn(key, job);
            if (RESERVED.contains(column)) {
                throw new ConfigException("Cannot use " + setting + " = '" + column + "': it is a lineage or partition column"
                        + " of every curated table; choose another name");
            }
            String other = byColumn.putIfAbsent(column, key);
            if (other != null) {
                throw new ConfigException("Cannot use the partition keys '" + other + "' and '" + key + "' of job '" + job
                        + "': both would be stored in column '" + column + "'; name their columns in partitionKeyColumns");
            }
            columns.add(new PartitionKeyColumn(key, column));
        }
        return List.copyOf(columns);
    }

    private static String defaultColumn(String key, String job) {
        String column = DEFAULT_PREFIX + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (column.length() > 127) {
            throw new ConfigException("Cannot use the partition key '" + key + "' of job '" + job + "': its column name '"
                    + column + "' is longer than 127 characters; name its column in partitionKeyColumns");
        }
        return column;
    }
}
