package io.tidemark.jobs;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.SqlIdentifier;
import io.tidemark.warehouse.ConnectionSource;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@link WarehouseModel} loads with.
 *
 * @param spark           the session that reads the curated tables
 * @param curatedDatabase the catalog database of the curated tables
 * @param warehouse       connections to the warehouse
 * @param schema          the warehouse schema (validated)
 */
public record ModelLoadContext(SparkSession spark, String curatedDatabase, ConnectionSource warehouse, String schema) {
    public ModelLoadContext {
        Objects.requireNonNull(spark, "spark is null");
        SqlIdentifier.require(curatedDatabase, "catalog.curatedDatabase");
        Objects.requireNonNull(warehouse, "warehouse is null");
        SqlIdentifier.require(schema, "warehouse.schema");
    }

    public static ModelLoadContext of(TidemarkRuntime runtime) {
        return new ModelLoadContext(runtime.spark(), runtime.config().catalog().curatedDatabase(), runtime.warehouse(),
                runtime.config().warehouse().schema());
    }

    /** The curated table of a dataset. */
    public TableRef table(String dataset) {
        return new TableRef(curatedDatabase, dataset);
    }
}
