package io.tidemark.warehouse.postgres;

import io.tidemark.warehouse.DatasetStaging;
import io.tidemark.warehouse.StagedRows;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PostgreSQL staging of a Spark Dataset: nothing is written ahead; each copy streams the rows from the executors
 * ({@link Dataset#toLocalIterator()}) into {@code COPY ... FROM STDIN}, inside the load's transaction. The driver holds
 * one partition's task result at a time, so partitions are bounded first, without counting the rows ahead: the rows
 * are rebalanced ({@code REBALANCE} hint), and adaptive query execution splits and coalesces the rebalanced partitions
 * to about {@code spark.sql.adaptive.advisoryPartitionSizeInBytes} each (one large lake file is one partition before).
 * The rows are computed once, into the rebalance's shuffle, and each fetched partition reads from there.
 */
public final class PostgresDatasetCopy implements DatasetStaging {
    @Override
    public StagedRows prepare(Dataset<Row> rows, String loadId) {
        List<String> columns = List.of(rows.columns());
        return (connection, stageTable) -> new PostgresCsvCopy(stageTable, columns)
                .copy(connection, values(bounded(rows).toLocalIterator()));
    }

    /** {@code rows} in partitions of a bounded size: rebalanced, sized by adaptive query execution. */
    static Dataset<Row> bounded(Dataset<Row> rows) {
        return rows.hint("rebalance");
    }

    private static Iterator<List<?>> values(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<?> next() {
                Row row = rows.next();
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                return Arrays.asList(values);
            }
        };
    }
}
