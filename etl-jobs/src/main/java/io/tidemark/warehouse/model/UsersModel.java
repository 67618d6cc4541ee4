package io.tidemark.warehouse.model;

import static org.apache.spark.sql.functions.col;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.warehouse.AuditedLoad;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.RetryPolicy;
import io.tidemark.warehouse.users.UserDimensionLoader;
import io.tidemark.warehouse.users.UserSnapshot;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Model {@code users}: loads each {@code users_ref} snapshot (dt partition) a run published into {@code dim_user}
 * (SCD type 2, {@link UserDimensionLoader}: staged from Spark, changes detected in SQL), in date order, one audited transaction per snapshot. The load id of a
 * snapshot comes from its version folder, so loading the same version again is a no-op.
 */
public final class UsersModel implements WarehouseModel {
    public static final String MODEL = "users";
    public static final String DATASET = "users_ref";

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
        UserDimensionLoader loader = new UserDimensionLoader(new AuditedLoad(context.warehouse(), context.schema(),
                RetryPolicy.defaults(), Clock.systemUTC()), context.staging());
        List<ModelLoadResult> results = new ArrayList<>();
        List<PartitionVersion> snapshots = published.getOrDefault(DATASET, List.of());
        if (snapshots.isEmpty()) {
            return results;
        }
        // PublishedPartitions sorts by partition: dt=yyyy-MM-dd, so in date order
        for (PartitionVersion version : new PublishedPartitions(snapshots).versions()) {
            PartitionKey partition = version.partition();
            UserSnapshot snapshot = new UserSnapshot(LocalDate.parse(partition.values().get("dt")), runId,
                    new PublishedPartitions(List.of(version)).checksum(), read(context, partition));
            try {
                AuditedLoadResult loaded = loader.load(snapshot);
                results.add(new ModelLoadResult(MODEL, UserDimensionLoader.DATASET, loaded.loadId(),
                        loaded.loaded() ? ModelLoadResult.Outcome.LOADED : ModelLoadResult.Outcome.SKIPPED, loaded.rows()));
            } catch (SQLException e) {
                throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot load " + UserDimensionLoader.DATASET
                        + " from " + partition.label() + " into " + context.warehouse() + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, e.getMessage(), e);
            }
        }
        return results;
    }

    /** The snapshot's users as Spark reads them from the published version (never collected). */
    private static Dataset<Row> read(ModelLoadContext context, PartitionKey partition) {
        DatasetSchema schema = DatasetSchemas.get(DATASET);
        return context.published().read(context.table(DATASET), schema, List.of(partition))
                .orElseGet(() -> context.spark().createDataFrame(List.of(), DatasetStructs.curatedRow(schema)))
                .select(col("user_id"), col("gender"), col("segment_id"));
    }
}
