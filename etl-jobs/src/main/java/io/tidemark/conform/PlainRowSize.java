package io.tidemark.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.to_json;

import io.tidemark.config.DatasetSchema;
import io.tidemark.sources.DatasetStructs;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a curated row costs in a Parquet file before dictionaries and compression: its columns PLAIN-encoded (a
 * string's bytes and a 4-byte length, 4 or 8 bytes per number, a nested value as its JSON), partition columns
 * excluded (they are folder names, not file content). Dictionary encoding and snappy only make a file smaller, so
 * this is an upper bound of a row's encoded cost that needs no sample write: the merge takes the mean over the
 * batch's first rows ({@link MergedPartitions#plainBytesPerRow()}).
 */
public final class PlainRowSize {
    /** Rows whose mean size stands for a batch's: file sizing needs the order of magnitude, not every row. */
    public static final int SAMPLE_ROWS = 20_000;

    private PlainRowSize() {
    }

    /**
     * The mean plain-encoded size of the rows' first {@link #SAMPLE_ROWS} (at least 1): the sizes are collected with a
     * limit, so Spark reads the first partition, and more only if it holds too few rows. An aggregation over the limit
     * would instead run a task on every partition, and shuffle their rows to one.
     */
    public static double meanOf(DatasetSchema schema, Dataset<Row> rows) {
        List<Row> sizes = rows.select(of(schema)).limit(SAMPLE_ROWS).collectAsList();
        return Math.max(1.0, sizes.stream().mapToLong(size -> size.getLong(0)).average().orElse(1.0));
    }

    /** The plain-encoded bytes of one row of the dataset's curated layout, as a bigint column. */
    public static Column of(DatasetSchema schema) {
        Column total = lit(0L);
        for (StructField field : DatasetStructs.curatedRow(schema).fields()) {
            if (!schema.partitioning().contains(field.name())) {
                total = total.plus(of(col(field.name()), field.dataType()));
            }
        }
        return total;
    }

    private static Column of(Column value, DataType type) {
        if (type instanceof StringType || type instanceof BinaryType) {
            return coalesce(octet_length(value), lit(0)).plus(4);
        }
        if (type instanceof BooleanType) {
            return lit(1);
        }
        if (type instanceof IntegerType || type instanceof DateType || type instanceof FloatType || type instanceof ShortType
                || type instanceof ByteType) {
            return lit(4);
        }
        if (type instanceof DecimalType decimal) {
            return lit(decimal.precision() <= 18 ? 8 : 16);
        }
        if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
            return coalesce(octet_length(to_json(value)), lit(0));
        }
        return lit(8);
    }
}
