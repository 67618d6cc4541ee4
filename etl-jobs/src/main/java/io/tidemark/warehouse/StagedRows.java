package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows prepared by a {@link DatasetStaging}, ready to be copied into a load's temp table (again on each retry), and
 * released once no copy will run again: after the load's transaction committed, or after its final failure.
 */
@FunctionalInterface
public interface StagedRows extends AutoCloseable {
    /** Copies every row into {@code stageTable} (a trusted name) on {@code connection}; returns how many. */
    long copyInto(Connection connection, String stageTable) throws SQLException;

    /**
     * Removes what {@link DatasetStaging#prepare} wrote ahead (the Parquet folder on Redshift, the unlogged staging table on PostgreSQL).
     * Never throws: the load's outcome is decided by then, so a failed removal is reported as a warning.
     */
    @Override
    default void close() {
    }
}
