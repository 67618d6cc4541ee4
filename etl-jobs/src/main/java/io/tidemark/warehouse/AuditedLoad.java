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
 * DESIGN.md's load protocol around any table's {@link LoadWork}, in ONE transaction: skip when the load id is
 * already in {@code etl_load_audit}; otherwise run the work (stage, MERGE or delete-then-insert), write the audit
 * row, commit; then {@code ANALYZE} the touched tables outside the transaction.
 *
 * <p>Serialization failures (40001, Redshift 1023) and lost connections (08xxx) re-run the whole transaction on a
 * new connection, up to the {@link RetryPolicy}: safe because a committed load is in the audit table and the retry
 * then skips it. On PostgreSQL the transaction runs SERIALIZABLE, as Redshift's always do, so two concurrent loads of
 * the same id fail and retry alike instead of both committing.
 */
public final class AuditedLoad {
    private static final String AUDIT_SQL = "/sql/redshift/load/etl_load_audit/";

    private final ConnectionSource connections;
    private final String schema;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final String findAudit;
    private final String insertAudit;

    public AuditedLoad(ConnectionSource connections, String schema, RetryPolicy retryPolicy, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.findAudit = connections.dialect().render(SqlResource.read(AUDIT_SQL + "00_find_audit.sql"), schema);
        this.insertAudit = connections.dialect().render(SqlResource.read(AUDIT_SQL + "10_insert_audit.sql"), schema);
    }

    /** The dialect of the warehouse the loads run on. */
    public SqlDialect dialect() {
        return connections.dialect();
    }

    /** A load SQL file rendered for this warehouse, e.g. {@code /sql/redshift/load/fact_sales/40_merge_facts.sql}. */
    public String sql(String resource) {
        return connections.dialect().render(SqlResource.read(resource), schema);
    }

    /**
     * Runs the load, or skips it when its id is already committed.
     *
     * @param analyzedTables tables of the schema to ANALYZE after a commit (plain names, validated)
     * @throws SQLException a non-transient failure, or the last transient one when the attempts are used up;
     *                      nothing of the load is committed then
     */
    public AuditedLoadResult run(LoadAudit audit, LoadWork work, List<String> analyzedTables) throws SQLException {
        Objects.requireNonNull(audit, "audit is null");
        Objects.requireNonNull(work, "work is null");
        analyzedTables.forEach(table -> SqlIdentifier.require(table, "analyzed table"));
        AuditedLoadResult result = runWithRetries(audit, work);
        if (result.loaded()) {
            analyze(analyzedTables);
        }
        return result;
    }

    private AuditedLoadResult runWithRetries(LoadAudit audit, LoadWork work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connections.open()) {
                return runInTransaction(connection, audit, work, attempt);
            } catch (SQLException failure) {
                if (attempt >= retryPolicy.maxAttempts() || !TransientSqlFailure.isTransient(failure)) {
                    throw failure;
                }
                sleep(retryPolicy.backoffAfter(attempt).toMillis(), failure);
            }
        }
    }

    private AuditedLoadResult runInTransaction(Connection connection, LoadAudit audit, LoadWork work, int attempt)
            throws SQLException {
        String loadId = audit.loadId();
        connection.setAutoCommit(false);
        if (connections.dialect() == SqlDialect.POSTGRES) {
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }
        try {
            OptionalLong committedRows = committedRows(connection, loadId);
            if (committedRows.isPresent()) {
                connection.rollback();
                return new AuditedLoadResult(loadId, AuditedLoadResult.Outcome.SKIPPED, committedRows.getAsLong(), attempt);
            }
            long rows = work.apply(connection);
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
            statement.setString(3, audit.partitions());
            statement.setLong(4, rows);
            statement.setString(5, audit.inputChecksum());
            statement.setString(6, audit.runId());
            statement.setTimestamp(7, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            statement.executeUpdate();
        }
    }

    /**
     * Refreshes planner statistics after the commit, outside the load transaction and outside the retries: the
     * rows are committed by then, so a failure here is reported as is and a rerun of the load is a no-op.
     */
    private void analyze(List<String> tables) throws SQLException {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("ANALYZE " + schema + "." + table);
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
