package io.tidemark.warehouse.model;

import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.HourPartition;
import io.tidemark.warehouse.LoadAudit;
import io.tidemark.warehouse.RetryPolicy;
import io.tidemark.warehouse.StagedTableLoad;
import io.tidemark.warehouse.TableLoadScript;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Loads one table of a model from a Spark Dataset of its published partitions, as one audited transaction. */
final class ModelTableLoad {
    private final ModelLoadContext context;
    private final String model;

    ModelTableLoad(ModelLoadContext context, String model) {
        this.context = context;
        this.model = model;
    }

    /**
     * Loads {@code rows} into the script's table; the load id derives from the table, the partitions' label and
     * the published versions' checksum.
     */
    ModelLoadResult load(TableLoadScript script, PublishedPartitions published, String runId, List<HourPartition> windows,
                         Dataset<Row> rows) {
        LoadAudit audit = new LoadAudit(script.table(), published.label(), published.checksum(), runId);
        context.spark().sparkContext().setJobDescription("tidemark load " + model + ": stage " + script.table()
                + " for " + published.keys().size() + " partitions");
        try {
            AuditedLoadResult result = new StagedTableLoad(context.warehouse(), context.schema(), context.staging(),
                    RetryPolicy.defaults(), Clock.systemUTC()).load(script, audit, windows, rows);
            return new ModelLoadResult(model, script.table(), result.loadId(),
                    result.loaded() ? ModelLoadResult.Outcome.LOADED : ModelLoadResult.Outcome.SKIPPED, result.rows());
        } catch (SQLException e) {
            throw new TidemarkException(ErrorCode.WAREHOUSE_FAILED, "Cannot load " + script.table() + " for "
                    + published.label() + " into " + context.warehouse() + ": " + e.getMessage(), e);
        }
    }
}
