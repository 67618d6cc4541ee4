package io.tidemark.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.tidemark.config.PartitionKey;
import io.tidemark.config.DatasetSchema;
import io.tidemark.landing.RunContext;
import io.tidemark.sources.DatasetStructs;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * Stores each record once. Within the batch, rows sharing the dataset key keep the first by source object and
 * offset; against the lake, rows whose key is already published in their partition are duplicates (Firehose
 * redelivery, a rerun). Only partitions that receive new rows change, and their new content is the published
 * rows plus the new ones, so a partition rebuilt for late data still holds every event exactly once.
 */
public final class PartitionMerger {
    private static final String RANK = "_rank";

    /**
     * @param batch     source rows ({@link DatasetStructs#sourceRow})
     * @param published reads the published rows of the given partitions (curated layout), empty if none
     */
    public MergedPartitions merge(DatasetSchema schema, Dataset<Row> batch, RunContext context, PublishedRows published) {
        List<String> partitioning = schema.partitioning();
        Column[] keys = schema.key().stream().map(k -> col(k)).toArray(Column[]::new);
        // one aggregation of the batch's partition columns (partial, before any shuffle: the cache's other columns
        // are not read) gives the touched partitions and the batch's row count; file sizing takes each row's cost as
        // the plain-encoded size of the first rows (no sample write, no pass over every column of every row)
        PartitionCounts touched = PartitionCounts.of(schema, batch.groupBy(partitionColumns(schema)).agg(count(lit(1))));
        double plainBytesPerRow = touched.rows() == 0 ? 0
                : PlainRowSize.meanOf(schema, stamped(batch, context));

        // one shuffle dedups the batch: of the rows sharing a key, the first by source object and offset. When a key
        // fixes the partition, that shuffle is by the partition columns, and its output is already the write's layout
        boolean clustered = schema.keyFixesPartition();
        Dataset<Row> input = clustered ? batch.repartition(partitionColumns(schema)) : batch;
        List<String> dedupKeys = clustered ? concat(partitioning, schema.key()) : schema.key();
        WindowSpec byKey = Window.partitionBy(dedupKeys.stream().map(k -> col(k)).toArray(Column[]::new)).orderBy(col(DatasetStructs.SOURCE_OBJECT), col(DatasetStructs.SOURCE_OFFSET));
        Dataset<Row> deduped = stamped(input.withColumn(RANK, row_number().over(byKey)).where(col(RANK).equalTo(1)), context)
                .select(curatedColumns(schema));
        Optional<Dataset<Row>> existing = published.read(touched.partitions());
        if (existing.isEmpty()) {
            // nothing of the touched partitions is published (a new hour): the deduped batch is their whole content,
            // computed once, by the write; the rows added are counted from the written files' footers
            return MergedPartitions.unpublished(deduped, touched.partitions(), touched.rows(), plainBytesPerRow, clustered);
        }

        // rows whose key is published in their partition are duplicates; only the key column of those is read. The new
        // rows are counted, then written: kept once, not computed twice
        Dataset<Row> fresh = deduped.join(existing.get().select(keys), toSeq(schema.key()), "left_anti");
        fresh.persist(StorageLevel.MEMORY_AND_DISK());
        PartitionCounts changed = PartitionCounts.of(schema, fresh.groupBy(partitionColumns(schema)).agg(count(lit(1))));
        Dataset<Row> rows = fresh;
        if (!changed.partitions().isEmpty()) {
            Dataset<Row> kept = existing.get().where(inPartitions(partitioning, changed.partitions())).select(curatedColumns(schema));
            rows = kept.unionByName(fresh);
        }
        return new MergedPartitions(rows, changed.partitions(), OptionalLong.of(changed.rows()), touched.rows(), plainBytesPerRow,
                false);
    }

    /** The partitions some rows fall in, sorted, with their row count. */
    private record PartitionCounts(List<PartitionKey> partitions, long rows) {
        /** @param counts the partition columns, then the row count */
        static PartitionCounts of(DatasetSchema schema, Dataset<Row> counts) {
            List<String> partitioning = schema.partitioning();
            List<PartitionKey> partitions = new ArrayList<>();
            long rows = 0;
            for (Row row : counts.collectAsList()) {
                long partitionRows = row.getLong(partitioning.size());
                List<String> values = new ArrayList<>();
                for (int i = 0; i < partitioning.size(); i++) {
                    values.add(row.getString(i));
                }
                partitions.add(PartitionKey.of(schema.dataset(), partitioning, values));
                rows += partitionRows;
            }
            partitions.sort(null);
            return new PartitionCounts(partitions, rows);
        }
    }

    /** The rows with the run's lineage columns: when they were ingested, and by which run. */
    private static Dataset<Row> stamped(Dataset<Row> rows, RunContext context) {
        return rows.withColumn(DatasetStructs.INGESTED_AT, lit(Timestamp.from(context.startedAt())))
                .withColumn(DatasetStructs.RUN_ID, lit(context.runId()));
    }

    private static Column[] partitionColumns(DatasetSchema schema) {
        return schema.partitioning().stream().map(p -> col(p)).toArray(Column[]::new);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static scala.collection.immutable.Seq<String> toSeq(List<String> values) {
        return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>(values)).toList();
    }

    static Column[] curatedColumns(DatasetSchema schema) {
        return java.util.Arrays.stream(DatasetStructs.curatedRow(schema).fieldNames()).map(n -> col(n)).toArray(Column[]::new);
    }

    /** A filter selecting the given partitions. */
    public static Column inPartitions(List<String> partitioning, List<PartitionKey> partitions) {
        Column any = lit(false);
        for (PartitionKey key : partitions) {
            Column all = lit(true);
            for (String p : partitioning) {
                all = all.and(col(p).equalTo(key.values().get(p)));
            }
            any = any.or(all);
        }
        return any;
    }
}
