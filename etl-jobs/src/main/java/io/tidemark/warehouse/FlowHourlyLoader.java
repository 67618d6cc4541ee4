package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import io.tidemark.warehouse.postgres.PostgresCopyStaging;
import io.tidemark.warehouse.redshift.RedshiftInsertStaging;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Loads one window into {@code fact_flow_hourly}, following DESIGN.md's load protocol in ONE transaction:
 * stage the input in a temp table, add new interfaces to {@code dim_network_interface} (filling vpc/subnet/instance
 * when newly known), delete the fact rows of the covered (datekey, hr) partitions, insert the staged rows at the
 * fact's grain joined to the dimension, write the {@code etl_load_audit} row, commit; then {@code ANALYZE} the
 * touched tables outside the transaction.
 *
 * <p>A load whose id is already in the audit table is skipped, so reruns are no-ops. Serialization failures
 * (40001, Redshift 1023) and lost connections (08xxx) re-run the whole transaction on a new connection, up to the
 * {@link RetryPolicy}: safe because a committed load is in the audit table and the retry then skips it.
 */
public final class FlowHourlyLoader {
    public static final String DATASET = "fact_flow_hourly";

    private static final String LOAD_SQL = "/sql/redshift/load/fact_flow_hourly/";
    private static final List<String> TOUCHED_TABLES = List.of("dim_network_interface", "fact_flow_hourly", "etl_load_audit");

    private final ConnectionSource connections;
    private final String schema;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final FlowHourlyStaging staging;
    private final String findAudit;
    private final String insertAudit;
    private final String createStageRows;
    private final String createStagePartitions;
    private final String countRowsOutsidePartitions;
    private final List<String> replaceStatements;

    public FlowHourlyLoader(ConnectionSource connections, String schema, RetryPolicy retryPolicy, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.staging = switch (connections.dialect()) {
            case POSTGRES -> new PostgresCopyStaging();
            case REDSHIFT -> new RedshiftInsertStaging();
        };
        this.findAudit = sql("00_find_audit.sql");
        this.createStageRows = sql("10_create_stage_rows.sql");
        this.createStagePartitions = sql("11_create_stage_partitions.sql");
        this.countRowsOutsidePartitions = sql("20_count_rows_outside_partitions.sql");
        this.replaceStatements = List.of(
                sql("30_insert_missing_interfaces.sql"),
                sql("31_fill_interface_details.sql"),
                sql("40_delete_partitions.sql"),
                sql("50_insert_facts.sql"));
        this.insertAudit = sql("60_insert_audit.sql");
    }

    /**
     * Loads the request's window, or skips it when its load id is already committed.
     *
     * @throws SQLException a non-transient failure, or the last transient one when the attempts are used up;
     *                      nothing of the load is committed then
     */
    public FlowHourlyLoadResult load(FlowHourlyLoadRequest request) throws SQLException {
        Objects.requireNonNull(request, "request is null");
        FlowHourlyLoadResult result = loadWithRetries(request);
        if (result.loaded()) {
            analyze();
        }
        return result;
    }

    private FlowHourlyLoadResult loadWithRetries(FlowHourlyLoadRequest request) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connections.open()) {
                return loadInTransaction(connection, request, attempt);
            } catch (SQLException failure) {
                if (attempt >= retryPolicy.maxAttempts() || !TransientSqlFailure.isTransient(failure)) {
                    throw failure;
                }
                sleep(retryPolicy.backoffAfter(attempt).toMillis(), failure);
            }
        }
    }

    private FlowHourlyLoadResult loadInTransaction(Connection connection, FlowHourlyLoadRequest request, int attempt)
            throws SQLException {
        String loadId = request.loadId();
        connection.setAutoCommit(false);
        if (connections.dialect() == SqlDialect.POSTGRES) {
            // Redshift transactions are serializable already; match it so concurrent loads fail and retry alike
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }
        try {
            OptionalLong committedRows = committedRows(connection, loadId);
            if (committedRows.isPresent()) {
                connection.rollback();
                return new FlowHourlyLoadResult(loadId, FlowHourlyLoadResult.Outcome.SKIPPED,
                        committedRows.getAsLong(), attempt);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(createStageRows);
                statement.execute(createStagePartitions);
                new MultiRowInsert<HourPartition>("stage_flow_hourly_partitions", List.of("datekey", "hr"), 500,
                        (insert, first, partition) -> {
                            insert.setInt(first, partition.datekey());
                            insert.setInt(first + 1, partition.hr());
                        }).insert(connection, request.partitions().iterator());
                long rows = staging.stage(connection, request.rows().iterator());
                requireRowsInsidePartitions(statement, request);
                for (String sql : replaceStatements) {
                    statement.executeUpdate(sql);
                }
                insertAudit(connection, request, loadId, rows);
                connection.commit();
                return new FlowHourlyLoadResult(loadId, FlowHourlyLoadResult.Outcome.LOADED, rows, attempt);
            }
        } catch (SQLException | RuntimeException e) {
            RollbackOnFailure.rollback(connection, e);
            throw e;
        }
    }

    private OptionalLong committedRows(Connection connection, String loadId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(findAudit)) {
            statement.setString(1, loadId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private void requireRowsInsidePartitions(Statement statement, FlowHourlyLoadRequest request) throws SQLException {
        try (ResultSet count = statement.executeQuery(countRowsOutsidePartitions)) {
            count.next();
            long outside = count.getLong(1);
            if (outside > 0) {
                throw new IllegalArgumentException("Cannot load " + DATASET + ": " + outside
                        + " input rows fall outside the request's partitions " + request.partitionList());
            }
        }
    }

    private void insertAudit(Connection connection, FlowHourlyLoadRequest request, String loadId, long rows)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertAudit)) {
            statement.setString(1, loadId);
            statement.setString(2, DATASET);
            statement.setString(3, request.partitionList());
            statement.setLong(4, rows);
            statement.setString(5, request.inputChecksum());
            statement.setString(6, request.runId());
            statement.setTimestamp(7, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            statement.executeUpdate();
        }
    }

    /**
     * Refreshes planner statistics after the commit, outside the load transaction and outside the retries: the
     * rows are committed by then, so a failure here is reported as is and a rerun of the load is a no-op.
     */
    private void analyze() throws SQLException {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (String table : TOUCHED_TABLES) {
                statement.execute("ANALYZE " + schema + "." + table);
            }
        }
    }

    private String sql(String file) {
        return connections.dialect().render(SqlResource.read(LOAD_SQL + file), schema);
    }

    private static void sleep(long millis, SQLException failure) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }
}
