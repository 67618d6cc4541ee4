package io.tidemark.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.ops.QualityOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Error-level checks run on written-but-unpublished data, in one scan: the dataset key is complete and unique,
 * every non-nullable column is complete, and the data is not empty. A failure blocks publish and load.
 */
public final class QualityGate {

    public QualityOutcome check(DatasetSchema schema, Dataset<Row> written) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).as("rows"));
        Column[] keyColumns = schema.key().stream().map(k -> col(k)).toArray(Column[]::new);
        if (keyColumns.length > 0) {
            aggregates.add(countDistinct(keyColumns[0], java.util.Arrays.copyOfRange(keyColumns, 1, keyColumns.length)).as("distinct_keys"));
        }
        List<ColumnSpec> required = schema.columns().stream()
                .filter(c -> !c.isNullable() || schema.key().contains(c.name())).toList();
        for (ColumnSpec column : required) {
            aggregates.add(sum(when(col(column.name()).isNull(), 1).otherwise(0)).as("nulls_" + column.name()));
        }
        Row result = written.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();

        int passed = 0;
        List<String> failed = new ArrayList<>();
        long rows = result.getLong(0);
        if (rows > 0) {
            passed++;
        } else {
            failed.add(schema.dataset() + ": RowCount > 0: the written version is empty");
        }
        int index = 1;
        if (keyColumns.length > 0) {
            long distinct = result.getLong(index++);
            if (distinct == rows) {
                passed++;
            } else {
                failed.add(schema.dataset() + ": IsUnique " + schema.key() + ": " + (rows - distinct) + " duplicate keys");
            }
        }
        for (ColumnSpec column : required) {
            long nulls = result.isNullAt(index) ? 0 : result.getLong(index);
            index++;
            if (nulls == 0) {
                passed++;
            } else {
                failed.add(schema.dataset() + ": IsComplete \"" + column.name() + "\": " + nulls + " nulls");
            }
        }
        return new QualityOutcome(passed, failed);
    }
}
