package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Loads one window into {@code fact_flow_hourly}, following DESIGN.md's load protocol in ONE transaction:
 * stage the input in a temp table, add new interfaces to {@code dim_network_interface} (filling vpc/subnet/instance
 * when newly known), delete the fact rows of the covered (datekey, hr) partitions, insert the staged rows at the
 * fact's grain joined to the dimension, write the {@code etl_load_audit} row, commit; then {@code ANALYZE} the
 * touched tables outside the transaction.
 *
 * <p>The transaction, the audit row, the skip of a committed load id, the retries and ANALYZE are
 * {@link AuditedLoad}'s; this class supplies the flow-specific staging and statements.
 */
public final class FlowHourlyLoader {
    public static final String DATASET = "fact_flow_hourly";

    private static final String LOAD_SQL = "/sql/redshift/load/fact_flow_hourly/";
    private static final List<String> TOUCHED_TABLES = List.of("dim_network_interface", "fact_flow_hourly", "etl_load_audit");

    private final ConnectionSource connections;
    private final String schema;
    private final AuditedLoad protocol;
    private final FlowHourlyStaging staging;
    private final String createStageRows;
    private final String createStagePartitions;
    private final String countRowsOutsidePartitions;
    private final List<String> replaceStatements;

    /** @param staging how the rows reach the stage table on this warehouse's dialect ({@code DialectStaging.flowHourly}) */
    public FlowHourlyLoader(ConnectionSource connections, String schema, FlowHourlyStaging staging, RetryPolicy retryPolicy,
                            Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections is null");
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
        this.protocol = new AuditedLoad(connections, schema, retryPolicy, clock);
        this.staging = Objects.requireNonNull(staging, "staging is null");
        this.createStageRows = sql("10_create_stage_rows.sql");
        this.createStagePartitions = sql("11_create_stage_partitions.sql");
        this.countRowsOutsidePartitions = sql("20_count_rows_outside_partitions.sql");
        this.replaceStatements = List.of(
                sql("30_insert_missing_interfaces.sql"),
                sql("31_fill_interface_details.sql"),
                sql("40_delete_partitions.sql"),
                sql("50_insert_facts.sql"));
    }

    /**
     * Loads the request's window, or skips it when its load id is already committed.
     *
     * @throws SQLException a non-transient failure, or the last transient one when the attempts are used up;
     *                      nothing of the load is committed then
     */
    public AuditedLoadResult load(FlowHourlyLoadRequest request) throws SQLException {
        Objects.requireNonNull(request, "request is null");
        LoadAudit audit = new LoadAudit(DATASET, request.partitionList(), request.inputChecksum(), request.runId());
        return protocol.run(audit, connection -> replace(connection, request), TOUCHED_TABLES);
    }

    private long replace(Connection connection, FlowHourlyLoadRequest request) throws SQLException {
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
            return rows;
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

    private String sql(String file) {
        return connections.dialect().render(SqlResource.read(LOAD_SQL + file), schema);
    }
}
