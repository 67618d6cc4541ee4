package io.tidemark.warehouse.model;

import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.warehouse.AuditedLoad;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.RetryPolicy;
import io.tidemark.warehouse.sales.SalesLoadRequest;
import io.tidemark.warehouse.sales.SalesLoader;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Model {@code sales}: applies the {@code sales_changes} partitions a run published to {@code fact_sales} and
 * {@code dim_item} ({@link SalesLoader}: every change staged from Spark, last change per sale_id in SQL, stale changes
 * ignored, one MERGE, audited). A published partition holds every change of its day, old and new, so the load re-reads
 * changes already applied: they are not newer than the target's position and change nothing. The load id comes from
 * the version folders.
 */
public final class SalesModel implements WarehouseModel {
    public static final String MODEL = "sales";
    public static final String DATASET = SalesChange.DATASET;

    @Override
    public String name() {
        return MODEL;
    }

    @Override
    public List<String> datasets() {
        return List.of(DATASET);
    }

    @Override
    public List<ModelLoadResult> load(ModelLoadContext context, String runId,
                                      Map<String, List<PartitionVersion>> published) {
        List<PartitionVersion> salesVersions = published.getOrDefault(DATASET, List.of());
        if (salesVersions.isEmpty()) {
            return List.of();
        }
        PublishedPartitions versions = new PublishedPartitions(salesVersions);
        context.spark().sparkContext().setJobDescription("tidemark load " + MODEL + ": stage "
                + versions.versions().size() + " " + DATASET + " partitions");
        DatasetSchema schema = DatasetSchemas.get(DATASET);
        Dataset<Row> changes = context.published().read(context.table(DATASET), schema, versions.keys())
                .orElseGet(() -> context.spark().createDataFrame(List.of(), DatasetStructs.curatedRow(schema)));
        SalesLoadRequest request = new SalesLoadRequest(versions.paths(), runId, versions.checksum(), changes);
        try {
            AuditedLoadResult loaded = new SalesLoader(new AuditedLoad(context.warehouse(), context.schema(),
                    RetryPolicy.defaults(), Clock.systemUTC()), context.staging()).load(request);
            return List.of(new ModelLoadResult(MODEL, SalesLoader.DATASET, loaded.loadId(),
                    loaded.loaded() ? ModelLoadResult.Outcome.LOADED : ModelLoadResult.Outcome.SKIPPED, loaded.rows()));
        } catch (SQLException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot load " + SalesLoader.DATASET + " from "
                    + DATASET + " " + request.partitionList() + " into " + context.warehouse() + ": " + e.getMessage(), e);
        }
    }
}
