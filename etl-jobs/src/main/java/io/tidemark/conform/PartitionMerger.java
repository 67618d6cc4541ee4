package io.tidemark.conform;

import static org.apache.spark.sql.functions.col;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Stores each record once. Within the batch, rows sharing the dataset key keep the first by source object and
 * offset; against the lake, rows whose key is already published in their partition are duplicates (Firehose
 * redelivery, a rerun). Only partitions that receive new rows change, and their new content is the published
 * rows plus the new ones, so a partition rebuilt for late data still holds every event exactly once.
 */
public final class PartitionMerger {

    /**
     * @param batch     source rows ({@link DatasetStructs#sourceRow})
     * @param published reads the published rows of the given partitions (curated layout), empty if none
     */
    public MergedPartitions merge(DatasetSchema schema, Dataset<Row> batch, RunContext context, PublishedRows published) {
        List<String> partitioning = schema.partitioning();
        Column[] keys = schema.key().stream().map(k -> col(k)).toArray(Column[]::new);

        Dataset<Row> first = batch
                .withColumn("_rank", row_number().over(Window.partitionBy(keys)
                        .orderBy(col(DatasetStructs.SOURCE_OBJECT), col(DatasetStructs.SOURCE_OFFSET))))
                .where(col("_rank").equalTo(1))
                .drop("_rank", DatasetStructs.SOURCE_OFFSET)
                .withColumn(DatasetStructs.INGESTED_AT, lit(Timestamp.from(context.startedAt())))
                .withColumn(DatasetStructs.RUN_ID, lit(context.runId()))
                .select(curatedColumns(schema));
        first.persist(StorageLevel.MEMORY_AND_DISK());
        long batchRows = batch.count();

        List<PartitionKey> touched = partitionsOf(schema, first);
        Optional<Dataset<Row>> existing = published.read(touched);
        Dataset<Row> fresh = existing
                .map(e -> first.join(e.select(keys), toSeq(schema.key()), "left_anti"))
                .orElse(first);
        if (existing.isPresent()) {
            fresh.persist(StorageLevel.MEMORY_AND_DISK());
        }
        long rowsNew = fresh.count();
        List<PartitionKey> changed = partitionsOf(schema, fresh);

        Dataset<Row> rows = fresh;
        if (existing.isPresent() && !changed.isEmpty()) {
            Dataset<Row> kept = existing.get().where(inPartitions(partitioning, changed)).select(curatedColumns(schema));
            rows = kept.unionByName(fresh);
        }
        return new MergedPartitions(rows, changed, rowsNew, batchRows - rowsNew);
    }

    private static scala.collection.immutable.Seq<String> toSeq(List<String> values) {
        return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>(values)).toList();
    }

    static Column[] curatedColumns(DatasetSchema schema) {
        return java.util.Arrays.stream(DatasetStructs.curatedRow(schema).fieldNames()).map(n -> col(n)).toArray(Column[]::new);
    }

    static List<PartitionKey> partitionsOf(DatasetSchema schema, Dataset<Row> rows) {
        List<String> partitioning = schema.partitioning();
        Column[] columns = partitioning.stream().map(p -> col(p)).toArray(Column[]::new);
        List<PartitionKey> keys = new ArrayList<>();
        for (Row row : rows.select(columns).distinct().collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < partitioning.size(); i++) {
                values.add(row.getString(i));
            }
            keys.add(PartitionKey.of(schema.dataset(), partitioning, values));
        }
        keys.sort(null);
        return keys;
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
