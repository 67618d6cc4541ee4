package io.tidemark.catalog;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.PartitionKey;
import io.tidemark.conform.PartitionMerger;
import io.tidemark.sources.DatasetStructs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the published rows of some partitions of a curated or quarantine table, in the curated row layout
 * ({@link DatasetStructs#curatedRow}). Through Spark SQL when the catalog is Spark's own metastore; otherwise (the
 * Glue Data Catalog through the SDK) from the partitions' published locations, with the partition columns added
 * from the catalog's partition values.
 */
public final class PublishedPartitionReader {
    private final SparkSession spark;
    private final Catalog catalog;

    public PublishedPartitionReader(SparkSession spark, Catalog catalog) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    /** The published rows of those of the given partitions that are published; empty if none is. */
    public Optional<Dataset<Row>> read(TableRef table, DatasetSchema schema, List<PartitionKey> partitions) {
        if (partitions.isEmpty()) {
            return Optional.empty();
        }
        return read(table, schema, partitions, catalog.locations(table, partitions));
    }

    /**
     * The published rows of the given partitions, which the catalog had at the given locations (those of them that
     * are published); empty if none is.
     */
    public Optional<Dataset<Row>> read(TableRef table, DatasetSchema schema, List<PartitionKey> partitions,
                                       Map<PartitionKey, String> locations) {
        if (locations.isEmpty()) {
            return Optional.empty();
        }
        if (catalog.tablesVisibleToSparkSql()) {
            return Optional.of(spark.table(table.quoted()).where(PartitionMerger.inPartitions(schema.partitioning(), partitions)));
        }
        StructType curated = DatasetStructs.curatedRow(schema);
        StructType fileColumns = new StructType(Arrays.stream(curated.fields())
                .filter(f -> !schema.partitioning().contains(f.name())).toArray(StructField[]::new));
        Column[] columns = Arrays.stream(curated.fieldNames()).map(n -> col(n)).toArray(Column[]::new);
        Dataset<Row> rows = null;
        for (Map.Entry<PartitionKey, String> published : locations.entrySet()) {
            Dataset<Row> partition = spark.read().schema(fileColumns).parquet(published.getValue());
            for (String column : schema.partitioning()) {
                partition = partition.withColumn(column, lit(published.getKey().values().get(column)));
            }
            partition = partition.select(columns);
            rows = rows == null ? partition : rows.union(partition);
        }
        return Optional.of(rows);
    }
}
