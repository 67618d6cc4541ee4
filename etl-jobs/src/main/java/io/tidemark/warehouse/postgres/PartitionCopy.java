package io.tidemark.warehouse.postgres;

import io.tidemark.warehouse.JdbcEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;

/**
 * One Spark task's share of a {@link PostgresDatasetCopy}: its partition's rows streamed with {@code COPY FROM STDIN}
 * into {@code <table>_p<partition>}, an UNLOGGED child ({@code INHERITS}) of the staging table, over the task's own
 * connection. Every attempt of a partition replaces that child: a session advisory lock on (table, partition) lets
 * one attempt at a time through; it drops and re-creates the child, committed at once (creating a child locks the
 * parent briefly, so the copies themselves never wait on each other), then copies and commits. A failed or retried
 * task therefore never leaves its rows twice.
 */
final class PartitionCopy implements ForeachPartitionFunction<Row> {
    private static final long serialVersionUID = 1L;

    private final JdbcEndpoint endpoint;
    private final String table;
    private final List<String> columns;

    PartitionCopy(JdbcEndpoint endpoint, String table, List<String> columns) {
        this.endpoint = endpoint;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void call(Iterator<Row> rows) throws SQLException {
        int partition = TaskContext.getPartitionId();
        String child = table + "_p" + partition;
        try (Connection connection = endpoint.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + table.hashCode() + ", " + partition + ")");
                statement.execute("DROP TABLE IF EXISTS " + child);
                statement.execute("CREATE UNLOGGED TABLE " + child + " () INHERITS (" + table + ")");
            }
            connection.setAutoCommit(false);
            new PostgresCsvCopy(child, columns).copyRows(connection, rows);
            connection.commit();
        }
    }
}
