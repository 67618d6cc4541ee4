package io.tidemark.sources;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.JobSpec;
import io.tidemark.config.PartitionKeyColumn;
import io.tidemark.landing.PrefixTemplate;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Reads the dynamic partitioning key values of an object from its key, against the job's {@code landingPrefix}
 * ({@code !{partitionKeyFromQuery:k}}, {@code !{partitionKeyFromLambda:k}}), and names the columns that carry them
 * into the curated rows. An object whose key is not under the data prefix (error output, another layout) has none.
 *
 * @param dataPrefix the job's data prefix, or null when the job has no partition keys
 * @param columns    one per partition key of the prefix, in the prefix's order; empty for none
 */
public record PartitionKeyReader(PrefixTemplate dataPrefix, List<PartitionKeyColumn> columns) implements Serializable {
    /** A job without partition keys. */
    public static final PartitionKeyReader NONE = new PartitionKeyReader(null, List.of());

    public PartitionKeyReader {
        columns = List.copyOf(columns);
        if (!columns.isEmpty()) {
            requireNonNull(dataPrefix, "dataPrefix is null");
        }
    }

    /** The reader of a job's keys: {@link #NONE} when its landing prefix has no partition keys. */
    public static PartitionKeyReader of(JobSpec spec) {
        return spec.partitionKeyColumns().isEmpty() ? NONE
                : new PartitionKeyReader(new PrefixTemplate(spec.prefixes().data(), spec.prefixes().zone()), spec.partitionKeyColumns());
    }

    /** The key values of the object at {@code key} (relative to the landing root), by key name; empty for none. */
    public Map<String, String> valuesOf(String key) {
        return columns.isEmpty() ? Map.of()
                : dataPrefix.match(key).map(PrefixTemplate.KeyFields::partitionValues).orElse(Map.of());
    }
}
