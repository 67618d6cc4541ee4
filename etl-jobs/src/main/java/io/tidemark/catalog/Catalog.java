package io.tidemark.catalog;

import io.tidemark.config.DatasetSchema;
import io.tidemark.conform.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import java.util.List;
import java.util.Map;

/**
 * Where tables and partition locations are registered. Publishing a partition is one catalog operation that
 * points it at a new version folder, so readers see the old version or the new one, never half of one.
 * Every call is idempotent.
 */
public interface Catalog {
    /** Creates the database and the external Parquet table if missing. */
    void ensureTable(TableRef table, DatasetSchema schema, String location);

    boolean tableExists(TableRef table);

    /** The published location of each of the given partitions that exists. */
    Map<PartitionKey, String> locations(TableRef table, List<PartitionKey> partitions);

    /**
     * The published version (partition and location) of every partition whose {@code column} has {@code value},
     * e.g. every hour of one {@code dt}; empty when the table does not exist.
     */
    List<PartitionVersion> publishedWhere(TableRef table, String column, String value);

    /** Points each partition at its new version: adds missing partitions, moves existing ones. */
    void publish(TableRef table, List<PartitionVersion> versions);
}
