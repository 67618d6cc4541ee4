package io.tidemark.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * DataFrame equality from spark-testing-base (its 3.4.1 build, running on this project's Spark 3.5): the same columns
 * and types and the same rows, in any order, duplicates counted. The comparison runs as Spark jobs on the frames' own
 * session (the test class's {@link LocalSpark}); the suite base class is only used for its assertions, never started.
 * Its ordered {@code assertDataFrameEquals} is not offered: on frames that differ it throws a NullPointerException
 * (seen with 3.4.1_1.4.7 on Spark 3.5) instead of an AssertionError.
 */
public final class DataFrameAssertions {
    private static final JavaDataFrameSuiteBase ASSERTIONS = new JavaDataFrameSuiteBase();

    private DataFrameAssertions() {
    }

    /**
     * Fails (AssertionError) unless both frames have the same columns, types and rows, whatever their order.
     * Nullability is not compared: Spark reads every Parquet column back as nullable.
     */
    public static void assertSameRowsInAnyOrder(Dataset<Row> expected, Dataset<Row> actual) {
        ASSERTIONS.assertDataFrameNoOrderEquals(nullable(expected), nullable(actual));
    }

    private static Dataset<Row> nullable(Dataset<Row> frame) {
        StructType schema = new StructType(Arrays.stream(frame.schema().fields())
                .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new));
        return frame.sparkSession().createDataFrame(frame.javaRDD(), schema);
    }
}
