package io.tidemark.catalog;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKey;
import io.tidemark.conform.evolution.EvolvedDataset;
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

    /**
     * Schema evolution: adds those of the given data columns the existing table lacks, as nullable columns after
     * its current data columns (before the partition columns), in the order given; partitions published before
     * read null for them. Columns the table has are left alone, but one with another type fails naming the
     * column, the table's type and the given one.
     */
    void addColumns(TableRef table, List<ColumnSpec> columns);

    /**
     * Brings the table's columns in line with an evolved dataset, before any partition is written: creates the
     * table when the evolved schema goes beyond the deployed one, then adds the new columns.
     */
    default void alignColumns(TableRef table, EvolvedDataset dataset, String location) {
        boolean exists = tableExists(table);
        boolean beyondDeployed = dataset.plan().schema().columns().size() > dataset.deployed().columns().size();
        if (!exists && beyondDeployed) {
            ensureTable(table, dataset.deployed(), location);
        }
        if (exists || beyondDeployed) {
            addColumns(table, dataset.plan().schema().columns());
        }
    }

    /** The published location of each of the given partitions that exists. */
    Map<PartitionKey, String> locations(TableRef table, List<PartitionKey> partitions);

    /**
     * Every registered partition of the table with its location (empty if the table does not exist): what garbage
     * collection of old versions must never delete. A catalog that cannot list refuses, so nothing is deleted.
     */
    default Map<PartitionKey, String> allLocations(TableRef table) {
        throw new UnsupportedOperationException("Cannot list the partitions of " + table + " with " + getClass().getSimpleName());
    }

    /**
     * The published version (partition and location) of every partition whose {@code column} has {@code value},
     * e.g. every hour of one {@code dt}; empty when the table does not exist.
     */
    List<PartitionVersion> publishedWhere(TableRef table, String column, String value);

    /** Points each partition at its new version: adds missing partitions, moves existing ones. */
    void publish(TableRef table, List<PartitionVersion> versions);

    /**
     * Whether Spark SQL resolves this catalog's tables by name ({@code spark.table}, {@code sql --lake}): true for
     * the metastore Spark itself uses; false for a catalog reached through another client, whose tables are read
     * through their partition {@link #locations} ({@link PublishedPartitionReader}).
     */
    default boolean tablesVisibleToSparkSql() {
        return true;
    }
}
