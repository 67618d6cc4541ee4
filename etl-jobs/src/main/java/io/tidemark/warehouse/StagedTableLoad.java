package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Loads one table from a Spark Dataset with the audited protocol ({@link AuditedLoad}): the rows are prepared by
 * the dialect's {@link DatasetStaging} before the transaction (Parquet + manifest in S3 on Redshift), then inside
 * it: create the temp stage table, copy the rows, for a windowed load stage the replaced hours and check no row is
 * outside them, run the table's apply statements ({@link TableLoadScript}), write the audit row, commit, ANALYZE. The staged rows
 * are released (their S3 files removed on Redshift) after the commit, or after the last attempt failed.
 */
public final class StagedTableLoad {
    private final ConnectionSource connections;
    private final String schema;
    private final DatasetStaging staging;
    private final AuditedLoad protocol;

    public StagedTableLoad(ConnectionSource connections, String schema, DatasetStaging staging, RetryPolicy retryPolicy,
                           Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
        this.staging = Objects.requireNonNull(staging, "staging is null");
        this.protocol = new AuditedLoad(connections, schema, retryPolicy, clock);
    }

    /**
     * Loads {@code rows} (columns = the stage table's, in order) into {@code script}'s table, or skips when the
     * audit's load id is committed already.
     *
     * @param windows the hourly partitions replaced; must be non-empty exactly when the script is windowed
     */
    public AuditedLoadResult load(TableLoadScript script, LoadAudit audit, List<HourPartition> windows, Dataset<Row> rows)
            throws SQLException {
        if (script.windowed() == windows.isEmpty()) {
            throw new IllegalArgumentException("Cannot load " + script.table() + ": a windowed load needs hours to "
                    + "replace and a MERGE load takes none, got " + windows.size());
        }
        SqlDialect dialect = connections.dialect();
        String createStage = script.createStage(dialect, schema);
        Optional<String> countOutside = script.countOutsideWindows(dialect, schema);
        List<String> apply = script.apply(dialect, schema);
        try (StagedRows staged = staging.prepare(rows, audit.loadId())) {
            return protocol.run(audit, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(createStage);
                    long stagedRows = staged.copyInto(connection, script.stageTable());
                    if (countOutside.isPresent()) {
                        stageWindows(connection, statement, windows);
                        requireNoRowsOutside(statement, countOutside.get(), script.table(), audit.partitions());
                    }
                    for (String sql : apply) {
                        statement.executeUpdate(sql);
                    }
                    return stagedRows;
                }
            }, script.analyzedTables());
        }
    }

    private void stageWindows(Connection connection, Statement statement, List<HourPartition> windows) throws SQLException {
        statement.execute(TableLoadScript.read(TableLoadScript.CREATE_WINDOWS, connections.dialect(), schema));
        StageWindows.insert(connection, windows);
    }

    private static void requireNoRowsOutside(Statement statement, String countSql, String table, String partitions)
            throws SQLException {
        try (ResultSet count = statement.executeQuery(countSql)) {
            count.next();
            long outside = count.getLong(1);
            if (outside > 0) {
                throw new IllegalArgumentException("Cannot load " + table + ": " + outside
                        + " input rows fall outside the load's partitions " + partitions);
            }
        }
    }
}
