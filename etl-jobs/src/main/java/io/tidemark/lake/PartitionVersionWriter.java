package io.tidemark.lake;

import static org.apache.spark.sql.functions.col;

import io.tidemark.config.DatasetSchema;
import io.tidemark.conform.MergedPartitions;
import io.tidemark.conform.PartitionKey;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;

/**
 * Writes the new content of changed partitions as Parquet into a fresh version folder, one file per partition,
 * beside the published versions. Nothing becomes visible until the catalog points at it.
 */
public final class PartitionVersionWriter {

    public List<PartitionVersion> write(DatasetSchema schema, MergedPartitions merged, String versionRoot) {
        if (merged.changed().isEmpty()) {
            return List.of();
        }
        Column[] partitionColumns = schema.partitioning().stream().map(p -> col(p)).toArray(Column[]::new);
        merged.rows()
                .repartition(partitionColumns)
                .write()
                .mode(SaveMode.ErrorIfExists)
                .option("compression", "snappy")
                .partitionBy(schema.partitioning().toArray(String[]::new))
                .parquet(versionRoot);
        return merged.changed().stream().map(key -> new PartitionVersion(key, locationOf(versionRoot, key))).toList();
    }

    static String locationOf(String versionRoot, PartitionKey key) {
        return versionRoot + "/" + key.path();
    }
}
