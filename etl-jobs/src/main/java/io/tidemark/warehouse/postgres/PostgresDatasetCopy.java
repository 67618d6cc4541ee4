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
 * one partition's task result at a time, so partitions are bounded first: a Dataset with more than
 * {@value #ROWS_PER_PARTITION} rows per partition on average (one large lake file is one partition) is repartitioned
 * by the executors into partitions of about that many rows.
 */
public final class PostgresDatasetCopy implements DatasetStaging {
    /** The rows one fetched partition holds at most on average: some tens of MB of driver heap. */
    static final long ROWS_PER_PARTITION = 50_000;

    @Override
    public StagedRows prepare(Dataset<Row> rows, String loadId) {
        List<String> columns = List.of(rows.columns());
        return (connection, stageTable) -> new PostgresCsvCopy(stageTable, columns)
                .copy(connection, values(bounded(rows).toLocalIterator()));
    }

    /** {@code rows}, repartitioned when its partitions hold more than {@link #ROWS_PER_PARTITION} rows on average. */
    static Dataset<Row> bounded(Dataset<Row> rows) {
        long count = rows.count();
        long needed = (count + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
        return needed > rows.rdd().getNumPartitions() ? rows.repartition((int) Math.min(needed, Integer.MAX_VALUE)) : rows;
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
