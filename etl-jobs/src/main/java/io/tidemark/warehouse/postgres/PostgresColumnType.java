package io.tidemark.warehouse.postgres;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The PostgreSQL column type that holds a Spark column's values as {@link PostgresCsvCopy} writes them: text for
 * strings, the matching numeric types, {@code timestamp} (UTC wall-clock) for timestamps. Other Spark types (binary,
 * arrays, maps, structs) have no CSV form here and are refused with the column's name.
 */
final class PostgresColumnType {
    private PostgresColumnType() {
    }

    static String of(StructField field) {
        DataType type = field.dataType();
        if (type instanceof StringType || type instanceof NullType) {
            return "text";
        } else if (type instanceof IntegerType) {
            return "integer";
        } else if (type instanceof LongType) {
            return "bigint";
        } else if (type instanceof ShortType || type instanceof ByteType) {
            return "smallint";
        } else if (type instanceof DoubleType) {
            return "double precision";
        } else if (type instanceof FloatType) {
            return "real";
        } else if (type instanceof BooleanType) {
            return "boolean";
        } else if (type instanceof DateType) {
            return "date";
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return "timestamp";
        } else if (type instanceof DecimalType decimal) {
            return "numeric(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        throw new IllegalArgumentException("Cannot stage column " + field.name() + " in PostgreSQL: Spark type "
                + type.simpleString() + " has no COPY form here");
    }
}
