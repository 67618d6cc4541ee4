package io.tidemark.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import io.tidemark.config.PartitionKey;
import io.tidemark.config.DatasetSchema;
import io.tidemark.landing.RunContext;
import io.tidemark.sources.DatasetStructs;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final String COPIES = "_copies";

    /**
     * @param batch     source rows ({@link DatasetStructs#sourceRow})
     * @param published reads the published rows of the given partitions (curated layout), empty if none
     */
    public MergedPartitions merge(DatasetSchema schema, Dataset<Row> batch, RunContext context, PublishedRows published) {
        List<String> partitioning = schema.partitioning();
        Column[] keys = schema.key().stream().map(k -> col(k)).toArray(Column[]::new);
        WindowSpec byKey = Window.partitionBy(keys).orderBy(col(DatasetStructs.SOURCE_OBJECT), col(DatasetStructs.SOURCE_OFFSET));

        // one shuffle dedups the batch; each kept row also carries how many batch rows share its key, so the one
        // aggregation below gives the batch's row count too
        Dataset<Row> first = batch
                .withColumn(RANK, row_number().over(byKey))
                .withColumn(COPIES, count(lit(1)).over(byKey.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing())))
                .where(col(RANK).equalTo(1))
                .withColumn(DatasetStructs.INGESTED_AT, lit(Timestamp.from(context.startedAt())))
                .withColumn(DatasetStructs.RUN_ID, lit(context.runId()))
                .select(withCopies(schema));
        first.persist(StorageLevel.MEMORY_AND_DISK());

        // one scan of the deduped batch gives the touched partitions, their row counts and the batch's row count;
        // when nothing of them is published (a new hour) they are also the changed partitions and the new rows
        // ... and the rows' plain-encoded size, which file sizing takes as each row's cost (no sample write)
        PartitionCounts touched = PartitionCounts.of(schema, first.groupBy(partitionColumns(schema))
                .agg(count(lit(1)), sum(col(COPIES)), sum(PlainRowSize.of(schema))));
        Dataset<Row> deduped = first.select(curatedColumns(schema));
        Optional<Dataset<Row>> existing = published.read(touched.partitions());
        Dataset<Row> fresh = existing
                .map(e -> deduped.join(e.select(keys), toSeq(schema.key()), "left_anti"))
                .orElse(deduped);
        PartitionCounts changed = touched;
        if (existing.isPresent()) {
            fresh.persist(StorageLevel.MEMORY_AND_DISK());
            changed = PartitionCounts.of(schema, fresh.groupBy(partitionColumns(schema)).agg(count(lit(1)), sum(lit(0L)), sum(lit(0L))));
        }

        Dataset<Row> rows = fresh;
        if (existing.isPresent() && !changed.partitions().isEmpty()) {
            Dataset<Row> kept = existing.get().where(inPartitions(partitioning, changed.partitions())).select(curatedColumns(schema));
            rows = kept.unionByName(fresh);
        }
        return new MergedPartitions(rows, changed.partitions(), changed.rows(), touched.copies() - changed.rows(),
                touched.rows() == 0 ? 0 : (double) touched.plainBytes() / touched.rows());
    }

    /**
     * The partitions some rows fall in, sorted, with how many rows each, a second sum (the batch rows) and a third
     * (their plain-encoded bytes).
     */
    private record PartitionCounts(List<PartitionKey> partitions, long rows, long copies, long plainBytes) {
        /** @param counts the partition columns, then the row count, then the second and third sums */
        static PartitionCounts of(DatasetSchema schema, Dataset<Row> counts) {
            List<String> partitioning = schema.partitioning();
            List<PartitionKey> partitions = new ArrayList<>();
            long rows = 0;
            long copies = 0;
            long plainBytes = 0;
            for (Row row : counts.collectAsList()) {
                long partitionRows = row.getLong(partitioning.size());
                if (partitionRows == 0) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (int i = 0; i < partitioning.size(); i++) {
                    values.add(row.getString(i));
                }
                partitions.add(PartitionKey.of(schema.dataset(), partitioning, values));
                rows += partitionRows;
                copies += row.getLong(partitioning.size() + 1);
                plainBytes += row.isNullAt(partitioning.size() + 2) ? 0 : row.getLong(partitioning.size() + 2);
            }
            partitions.sort(null);
            return new PartitionCounts(partitions, rows, copies, plainBytes);
        }
    }

    private static Column[] partitionColumns(DatasetSchema schema) {
        return schema.partitioning().stream().map(p -> col(p)).toArray(Column[]::new);
    }

    private static Column[] withCopies(DatasetSchema schema) {
        Column[] curated = curatedColumns(schema);
        Column[] columns = java.util.Arrays.copyOf(curated, curated.length + 1);
        columns[curated.length] = col(COPIES);
        return columns;
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
