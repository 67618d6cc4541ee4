package io.tidemark.warehouse.model;


import io.tidemark.catalog.Catalog;
import io.tidemark.catalog.PublishedPartitionReader;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.SqlIdentifier;
import io.tidemark.warehouse.ConnectionSource;
import io.tidemark.warehouse.DatasetStaging;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@link WarehouseModel} loads with.
 *
 * @param spark           the session that reads the curated tables
 * @param curatedDatabase the catalog database of the curated tables
 * @param warehouse       connections to the warehouse
 * @param schema          the warehouse schema (validated)
 * @param catalog         where the curated tables' partitions are published
 * @param staging         how loads get a Dataset's rows into the warehouse (COPY FROM STDIN, or S3 + manifest COPY)
 */
public record ModelLoadContext(SparkSession spark, String curatedDatabase, ConnectionSource warehouse, String schema,
                               Catalog catalog, DatasetStaging staging) {
    public ModelLoadContext {
        Objects.requireNonNull(spark, "spark is null");
        SqlIdentifier.require(curatedDatabase, "catalog.curatedDatabase");
        Objects.requireNonNull(warehouse, "warehouse is null");
        SqlIdentifier.require(schema, "warehouse.schema");
        Objects.requireNonNull(catalog, "catalog is null");
        Objects.requireNonNull(staging, "staging is null");
    }


    /** The curated table of a dataset. */
    public TableRef table(String dataset) {
        return new TableRef(curatedDatabase, dataset);
    }

    /** Reads the published partitions of curated tables, whatever the catalog. */
    public PublishedPartitionReader published() {
        return new PublishedPartitionReader(spark, catalog);
    }
}
