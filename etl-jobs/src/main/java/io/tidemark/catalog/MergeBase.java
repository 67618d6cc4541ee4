package io.tidemark.catalog;

import io.tidemark.config.PartitionKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a merge read of one table: for every partition it looked up, the published location it merged with, or
 * that the partition was not published. A partition may be published over it only while the catalog still says
 * the same ({@link ConditionalPublish}).
 */
public final class MergeBase {
    private final Map<PartitionKey, Optional<String>> read = new ConcurrentHashMap<>();

    /** Records the lookup of some partitions: {@code found} holds those that are published, with their location. */
    public void record(Iterable<PartitionKey> partitions, Map<PartitionKey, String> found) {
        for (PartitionKey partition : partitions) {
            read.put(partition, Optional.ofNullable(found.get(partition)));
        }
    }

    /**
     * The location the merge read for the partition (empty: it was not published); a partition the merge never
     * looked up counts as read unpublished, which is what a merge that found nothing to read assumes.
     */
    public Optional<String> expected(PartitionKey partition) {
        return read.getOrDefault(partition, Optional.empty());
    }
}
