package io.tidemark.warehouse.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.warehouse.ConnectionSource;
import io.tidemark.warehouse.FlowHourlyLoadRequest;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.FlowHourlyLoader;
import io.tidemark.warehouse.FlowHourlyRow;
import io.tidemark.warehouse.RetryPolicy;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads {@code fact_flow_hourly} (model {@code flow_hourly}) for the {@code vpc_flow_logs} partitions a run
 * published: Spark aggregates the published rows to the fact's grain, the warehouse replaces those hours in one
 * audited transaction. The load id comes from the published version folders, so loading the same versions twice
 * is a no-op.
 */
public final class FlowHourlyModel implements WarehouseModel {
    public static final String MODEL = "flow_hourly";
    public static final String DATASET = "vpc_flow_logs";

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
        AuditedLoadResult loaded = load(context, runId, published.getOrDefault(DATASET, List.of()));
        return List.of(new ModelLoadResult(MODEL, FlowHourlyLoader.DATASET, loaded.loadId(),
                loaded.loaded() ? ModelLoadResult.Outcome.LOADED : ModelLoadResult.Outcome.SKIPPED, loaded.rows()));
    }

    AuditedLoadResult load(ModelLoadContext context, String runId, List<PartitionVersion> versions) {
        SparkSession spark = context.spark();
        TableRef table = context.table(DATASET);
        ConnectionSource warehouse = context.warehouse();
        String schema = context.schema();
        List<PartitionKey> partitions = versions.stream().map(PartitionVersion::partition).sorted().toList();
        spark.sparkContext().setJobDescription("tidemark load " + MODEL + ": aggregate " + partitions.size() + " partitions");
        List<FlowHourlyRow> rows = new ArrayList<>();
        Optional<Dataset<Row>> lakeRows = context.published().read(table, DatasetSchemas.get(DATASET), partitions);
        for (Row row : lakeRows.isEmpty() ? List.<Row>of() : lakeRows.get()
                .where(col("log_status").equalTo("OK").and(col("action").isNotNull()).and(col("interface_id").isNotNull()))
                .groupBy(col("dt"), col("hr"), coalesce(col("account_id"), lit("unknown")).as("account_id"),
                        col("interface_id"), col("action"), coalesce(col("protocol"), lit(-1)).as("protocol"))
                .agg(count(lit(1)).as("flows"), coalesce(sum("packets"), lit(0L)).as("packets"),
                        coalesce(sum("bytes"), lit(0L)).as("bytes"),
                        max("vpc_id").as("vpc_id"), max("subnet_id").as("subnet_id"), max("instance_id").as("instance_id"))
                .collectAsList()) {
            rows.add(new FlowHourlyRow(datekey(row.getString(0)), Integer.parseInt(row.getString(1)), row.getString(2),
                    row.getString(3), row.getString(9), row.getString(10), row.getString(11), row.getString(4),
                    row.getInt(5), row.getLong(6), row.getLong(7), row.getLong(8)));
        }
        PublishedPartitions published = new PublishedPartitions(versions);
        FlowHourlyLoadRequest request = new FlowHourlyLoadRequest(published.hours(), runId, published.checksum(), rows);
        try {
            return new FlowHourlyLoader(warehouse, schema, DialectStaging.flowHourly(warehouse.dialect()),
                    RetryPolicy.defaults(), Clock.systemUTC()).load(request);
        } catch (SQLException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot load fact_flow_hourly for "
                    + request.partitionList() + " into " + warehouse + ": " + e.getMessage(), e);
        }
    }

    private static int datekey(String dt) {
        return Integer.parseInt(dt.replace("-", ""));
    }
}
