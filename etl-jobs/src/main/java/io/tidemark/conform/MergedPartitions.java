package io.tidemark.conform;

import io.tidemark.config.PartitionKey;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of merging a batch into a dataset: the full new content of every partition that changes
 * (published rows kept, new rows added), and the counts.
 *
 * @param rows             rows of the changed partitions, laid out as a curated row
 * @param changed          the partitions that get a new version
 * @param rowsNew          rows added by this batch; empty when the merge did not count them because every changed
 *                         partition is new: then the written versions hold exactly the rows added
 * @param batchRows        rows of the batch; those not added were already stored, or repeated within the batch
 * @param plainBytesPerRow the batch rows' mean {@link PlainRowSize} (an upper bound of what a row costs in Parquet,
 *                         for file sizing); 0 when not measured
 * @param clustered        whether {@code rows} are already hash-partitioned by the partition columns and sorted by them
 *                         within each Spark partition (the dedup's own shuffle), so the writer adds no shuffle of its own
 */
public record MergedPartitions(Dataset<Row> rows, List<PartitionKey> changed, OptionalLong rowsNew, long batchRows,
                               double plainBytesPerRow, boolean clustered) {
    public MergedPartitions {
        changed = List.copyOf(changed);
    }

    /** Counted rows whose plain size was not measured: the writer measures it and lays them out. */
    public MergedPartitions(Dataset<Row> rows, List<PartitionKey> changed, long rowsNew, long rowsDuplicate) {
        this(rows, changed, OptionalLong.of(rowsNew), rowsNew + rowsDuplicate, 0, false);
    }

    /** Partitions of which nothing is published: all their rows are new, counted once written. */
    public static MergedPartitions unpublished(Dataset<Row> rows, List<PartitionKey> changed, long batchRows,
                                               double plainBytesPerRow, boolean clustered) {
        return new MergedPartitions(rows, changed, OptionalLong.empty(), batchRows, plainBytesPerRow, clustered);
    }
}
