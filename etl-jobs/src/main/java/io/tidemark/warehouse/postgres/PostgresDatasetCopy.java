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
 * ({@link Dataset#toLocalIterator()}, one partition at a time on the driver) into {@code COPY ... FROM STDIN}.
 */
public final class PostgresDatasetCopy implements DatasetStaging {
    @Override
    public StagedRows prepare(Dataset<Row> rows, String loadId) {
        List<String> columns = List.of(rows.columns());
        return (connection, stageTable) -> new PostgresCsvCopy(stageTable, columns).copy(connection, values(rows.toLocalIterator()));
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
