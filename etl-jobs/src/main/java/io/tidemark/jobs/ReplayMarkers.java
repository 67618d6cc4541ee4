package io.tidemark.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which quarantine rows of a job a replay stored, in the lake under {@code _tidemark/replays/<job>/run=<run id>/}:
 * one Parquet record set per replay run, keyed like the quarantine row ({@code source_object}, {@code offset},
 * {@code reason_code}). Append-only, so marking never rewrites the published quarantine table.
 */
final class ReplayMarkers {
    static final String RUN_COLUMN = "run";
    private static final StructType MARKER = new StructType()
            .add("source_object", DataTypes.StringType, false)
            .add("offset", DataTypes.LongType, false)
            .add("reason_code", DataTypes.StringType, false)
            .add("replayed_at", DataTypes.TimestampType, false)
            .add(RUN_COLUMN, DataTypes.StringType, false);

    private final SparkSession spark;
    private final String root;

    ReplayMarkers(SparkSession spark, String lakeRoot, String job) {
        this.spark = spark;
        this.root = lakeRoot + "/_tidemark/replays/" + job;
    }

    /** Every marker written so far (empty before the first replay). */
    Dataset<Row> read() {
        Path folder = new Path(root);
        try {
            FileSystem fs = FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(folder)) {
                return spark.createDataFrame(java.util.List.of(), MARKER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the replay markers under " + root + ": " + e.getMessage(), e);
        }
        return spark.read().schema(MARKER).parquet(root);
    }

    /** Marks the given quarantine rows (with at least the key columns) replayed by {@code runId}. */
    void write(Dataset<Row> quarantineRows, String runId) {
        quarantineRows.select(col("source_object"), col("offset"), col("reason_code"), current_timestamp().as("replayed_at"))
                .write().mode(SaveMode.ErrorIfExists).parquet(root + "/" + RUN_COLUMN + "=" + runId);
    }
}
