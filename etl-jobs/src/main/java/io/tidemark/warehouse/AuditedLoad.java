package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
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
 * DESIGN.md's load protocol around a table-specific body, in ONE transaction: skip when the load id is already in
 * {@code etl_load_audit}; otherwise run the body (stage, merge or replace), write the audit row, commit; then
 * {@code ANALYZE} the touched tables outside the transaction. Serialization failures (40001, Redshift 1023) and
 * lost connections (08xxx) re-run the whole transaction on a new connection, up to the {@link RetryPolicy}: safe,
 * because a committed load is in the audit table and the retry then skips it.
 *
 * <p>The same protocol as {@link FlowHourlyLoader}, written once for the sales and users loads so that they only
 * hold their SQL; the audit statements are the ones under {@code sql/redshift/load/fact_flow_hourly/}.
 */
public final class AuditedLoad {
    private final ConnectionSource connections;
    private final String schema;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final String findAudit;
    private final String insertAudit;

    /** The table-specific part of a load; runs inside the transaction and returns the input rows it staged. */
    @FunctionalInterface
    public interface Body {
        long apply(Connection connection) throws SQLException;
    }

    public AuditedLoad(ConnectionSource connections, String schema, RetryPolicy retryPolicy, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.findAudit = sql("/sql/redshift/load/fact_flow_hourly/00_find_audit.sql");
        this.insertAudit = sql("/sql/redshift/load/fact_flow_hourly/60_insert_audit.sql");
    }

    public SqlDialect dialect() {
        return connections.dialect();
    }

    /** A load SQL file rendered for this warehouse, e.g. {@code /sql/redshift/load/fact_sales/40_merge_facts.sql}. */
    public String sql(String resource) {
        return connections.dialect().render(SqlResource.read(resource), schema);
    }

    /**
     * Runs the load, or skips it when its load id is already committed; analyzes {@code touchedTables} (trusted
     * table names in the schema) after a commit.
     *
     * @throws SQLException a non-transient failure, or the last transient one when the attempts are used up;
     *                      nothing of the load is committed then
     */
    public AuditedLoadResult run(LoadAudit audit, Body body, List<String> touchedTables) throws SQLException {
        Objects.requireNonNull(audit, "audit is null");
        Objects.requireNonNull(body, "body is null");
        AuditedLoadResult result = runWithRetries(audit, body);
        if (result.loaded()) {
            analyze(touchedTables);
        }
        return result;
    }

    private AuditedLoadResult runWithRetries(LoadAudit audit, Body body) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connections.open()) {
                return runInTransaction(connection, audit, body, attempt);
            } catch (SQLException failure) {
                if (attempt >= retryPolicy.maxAttempts() || !TransientSqlFailure.isTransient(failure)) {
                    throw failure;
                }
                sleep(retryPolicy.backoffAfter(attempt).toMillis(), failure);
            }
        }
    }

    private AuditedLoadResult runInTransaction(Connection connection, LoadAudit audit, Body body, int attempt)
            throws SQLException {
        String loadId = audit.loadId();
        connection.setAutoCommit(false);
        if (connections.dialect() == SqlDialect.POSTGRES) {
            // Redshift transactions are serializable already; match it so concurrent loads fail and retry alike
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }
        try {
            OptionalLong committedRows = committedRows(connection, loadId);
            if (committedRows.isPresent()) {
                connection.rollback();
                return new AuditedLoadResult(loadId, AuditedLoadResult.Outcome.SKIPPED, committedRows.getAsLong(), attempt);
            }
            long rows = body.apply(connection);
            insertAudit(connection, audit, loadId, rows);
            connection.commit();
            return new AuditedLoadResult(loadId, AuditedLoadResult.Outcome.LOADED, rows, attempt);
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

    private void insertAudit(Connection connection, LoadAudit audit, String loadId, long rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertAudit)) {
            statement.setString(1, loadId);
            statement.setString(2, audit.dataset());
            statement.setString(3, audit.partition());
            statement.setLong(4, rows);
            statement.setString(5, audit.checksum());
            statement.setString(6, audit.runId());
            statement.setTimestamp(7, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            statement.executeUpdate();
        }
    }

    /** After the commit, outside the retries: a failure here is reported as is, and a rerun is a no-op. */
    private void analyze(List<String> tables) throws SQLException {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("ANALYZE " + schema + "." + SqlIdentifier.require(table, "table"));
            }
        }
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
