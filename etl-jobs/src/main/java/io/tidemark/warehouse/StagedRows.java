package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Rows prepared by a {@link DatasetStaging}, ready to be copied into a load's temp table (again on each retry). */
@FunctionalInterface
public interface StagedRows {
    /** Copies every row into {@code stageTable} (a trusted name) on {@code connection}; returns how many. */
    long copyInto(Connection connection, String stageTable) throws SQLException;
}
