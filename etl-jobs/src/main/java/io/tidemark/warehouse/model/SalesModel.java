package io.tidemark.warehouse.model;

import io.tidemark.config.DatasetSchemas;
import static org.apache.spark.sql.functions.col;

import io.tidemark.lake.PartitionVersion;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.sources.cdc.SalesImage;
import io.tidemark.warehouse.AuditedLoad;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.RetryPolicy;
import io.tidemark.warehouse.sales.SalesLoadRequest;
import io.tidemark.warehouse.sales.SalesLoader;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Model {@code sales}: applies the {@code sales_changes} partitions a run published to {@code fact_sales} and
 * {@code dim_item} ({@link SalesLoader}: last change per sale_id, stale changes ignored, one MERGE, audited). A
 * published partition holds every change of its day, old and new, so the load re-reads changes already applied:
 * they are not newer than the target's position and change nothing. The load id comes from the version folders.
 */
public final class SalesModel implements WarehouseModel {
    public static final String MODEL = "sales";
    public static final String DATASET = SalesChange.DATASET;
    private static final String[] COLUMNS = {"source", "op", "sale_id", "change_ts", "source_seq", "item_id",
        "category", "price", "quantity", "order_date", "destination_state", "shipping_type", "referral"};

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
        PublishedVersions versions = new PublishedVersions(published.getOrDefault(DATASET, List.of()));
        if (versions.versions().isEmpty()) {
            return List.of();
        }
        List<SalesChange> changes = read(context, versions);
        SalesLoadRequest request = new SalesLoadRequest(versions.paths(), runId, versions.checksum(), changes);
        try {
            AuditedLoadResult loaded = new SalesLoader(new AuditedLoad(context.warehouse(), context.schema(),
                    RetryPolicy.defaults(), Clock.systemUTC())).load(request);
            return List.of(new ModelLoadResult(MODEL, SalesLoader.DATASET, loaded.loadId(),
                    loaded.loaded() ? ModelLoadResult.Outcome.LOADED : ModelLoadResult.Outcome.SKIPPED, loaded.rows()));
        } catch (SQLException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot load " + SalesLoader.DATASET + " from "
                    + DATASET + " " + request.partitionList() + " into " + context.warehouse() + ": " + e.getMessage(), e);
        }
    }

    private static List<SalesChange> read(ModelLoadContext context, PublishedVersions versions) {
        context.spark().sparkContext().setJobDescription("tidemark load " + MODEL + ": read "
                + versions.versions().size() + " " + DATASET + " partitions");
        List<SalesChange> changes = new ArrayList<>();
        List<Row> rows = context.published().read(context.table(DATASET), DatasetSchemas.get(DATASET), versions.partitions())
                .map(published -> published
                        .select(java.util.Arrays.stream(COLUMNS).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                        .collectAsList())
                .orElse(List.of());
        for (Row row : rows) {
            SalesImage image = new SalesImage(row.getString(5), row.getString(6),
                    row.isNullAt(7) ? null : row.getDouble(7), row.isNullAt(8) ? null : row.getInt(8),
                    row.isNullAt(9) ? null : row.getTimestamp(9).toInstant(), row.getString(10), row.getString(11),
                    row.getString(12));
            changes.add(new SalesChange(row.getString(0), row.getString(1), row.getString(2),
                    ((Timestamp) row.get(3)).toInstant(), row.getString(4), image));
        }
        return changes;
    }
}
