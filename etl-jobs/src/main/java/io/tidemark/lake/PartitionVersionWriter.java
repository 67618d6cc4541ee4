package io.tidemark.lake;

import static org.apache.spark.sql.functions.col;

import io.tidemark.config.DatasetSchema;
import io.tidemark.conform.MergedPartitions;
import io.tidemark.config.PartitionKey;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes the new content of changed partitions as Parquet into a fresh version folder, beside the published
 * versions. Nothing becomes visible until the catalog points at it. All rows of a partition go to one write task
 * (by a shuffle on the partition columns here, or by the merge's own when the rows come {@code clustered}),
 * however many landed objects they came from, and that task rolls to a new file every
 * {@link FileSizing#rowsPerFile()} rows, so each partition is ceil(rows / rowsPerFile) files of about the
 * dataset's target size (schemas/&lt;dataset&gt;.json {@code targetFileMB}): one file unless the partition is
 * bigger than the target.
 */
public final class PartitionVersionWriter {
    private final FileSizeEstimator estimator = new FileSizeEstimator();

    /** Writes partitions that have no published version to learn the row cost from. */
    public List<PartitionVersion> write(DatasetSchema schema, MergedPartitions merged, String versionRoot) {
        return write(schema, merged, versionRoot, List.of());
    }

    /**
     * @param publishedLocations the published folders of the changed partitions: their footers give the row cost
     */
    public List<PartitionVersion> write(DatasetSchema schema, MergedPartitions merged, String versionRoot,
            Collection<String> publishedLocations) {
        if (merged.changed().isEmpty()) {
            return List.of();
        }
        FileSizing sizing = estimator.estimate(schema, merged.rows(), publishedLocations, merged.plainBytesPerRow());
        Column[] partitionColumns = schema.partitioning().stream().map(p -> col(p)).toArray(Column[]::new);
        // rows the merge already clustered by partition keep that layout: a repartition would shuffle them again
        Dataset<Row> rows = merged.clustered() ? merged.rows() : merged.rows().repartition(partitionColumns);
        rows.write()
                .mode(SaveMode.ErrorIfExists)
                .option("compression", "snappy")
                .option("maxRecordsPerFile", sizing.rowsPerFile())
                .partitionBy(schema.partitioning().toArray(String[]::new))
                .parquet(versionRoot);
        return merged.changed().stream().map(key -> new PartitionVersion(key, locationOf(versionRoot, key))).toList();
    }

    static String locationOf(String versionRoot, PartitionKey key) {
        return versionRoot + "/" + key.path();
    }

}
