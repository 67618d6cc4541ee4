package io.tidemark.catalog;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes partitions only where the catalog still points where the merge read (optimistic concurrency), and
 * otherwise throws {@link PublishConflictException} without moving any partition of the call.
 *
 * <p>The check and the publish are two catalog calls: neither the Hive metastore nor the Glue Data Catalog has a
 * per-partition condition. Glue's {@code UpdateTable} takes the table's {@code VersionId} as an optimistic lock,
 * but partition calls ({@code BatchCreatePartition}, {@code BatchUpdatePartition}) neither take nor change it, so it
 * cannot make a partition move conditional (and the emulator, moto 5.2.1, accepts a stale {@code VersionId}). The
 * table lease held by the caller ({@link TableLocks}) keeps other Tidemark processes from
 * publishing between the two calls; the check catches whoever publishes without it (a lease that lapsed, another
 * tool), before anything is overwritten.
 */
public final class ConditionalPublish {
    private final Catalog catalog;

    public ConditionalPublish(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** Fails with {@link PublishConflictException} naming the first partition that moved since the merge read it. */
    public void requireUnchanged(TableRef table, MergeBase base, List<PartitionKey> partitions) {
        Map<PartitionKey, String> now = catalog.locations(table, partitions);
        for (PartitionKey partition : partitions) {
            Optional<String> expected = base.expected(partition);
            Optional<String> found = Optional.ofNullable(now.get(partition));
            if (!expected.equals(found)) {
                throw new PublishConflictException(table, partition, expected, found);
            }
        }
    }

    public void publish(TableRef table, List<PartitionVersion> versions, MergeBase base) {
        requireUnchanged(table, base, versions.stream().map(PartitionVersion::partition).toList());
        catalog.publish(table, versions);
    }
}
