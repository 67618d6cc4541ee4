package io.tidemark.warehouse.sales;

import io.tidemark.warehouse.AuditedLoad;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.DatasetStaging;
import io.tidemark.warehouse.LoadAudit;
import io.tidemark.warehouse.StagedRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Applies a batch of {@code sales_changes} to {@code fact_sales} and {@code dim_item} (CDC apply), in one audited
 * transaction ({@link AuditedLoad}): stage every change of the batch with the warehouse's {@link DatasetStaging}
 * (Spark computes each change's {@link ChangePosition} and keys; nothing passes through driver memory), collapse the
 * staged changes to the last change per sale_id in SQL, drop those that are not newer than what the target already
 * applied (stale, by {@link ChangePosition}), MERGE the rest (inserts and updates set the row, deletes leave a tombstone: the sale_id
 * with {@code is_deleted} and the delete's position, other values NULL), then upsert the touched items into
 * {@code dim_item} from the merged facts.
 *
 * <p>Because every applied change is compared with the target's last applied position, the order in which batches
 * arrive does not matter: a stale update after a delete stays ignored, replaying a batch changes nothing, and the
 * final state is the last change per sale over everything loaded.
 */
public final class SalesLoader {
    public static final String DATASET = "fact_sales";

    private static final String LOAD_SQL = "/sql/redshift/load/fact_sales/";
    private static final List<String> TOUCHED_TABLES = List.of("fact_sales", "dim_item", "etl_load_audit");
    private static final String STAGE_TABLE = "stage_sales_changes";

    private final AuditedLoad audited;
    private final DatasetStaging staging;
    private final String createStageChanges;
    private final String createStage;
    private final String countRepeatedSales;
    private final String discardStaleChanges;
    private final String createStageTouchedItems;
    private final String mergeFacts;
    private final String createStageItems;
    private final String mergeItems;

    /** @param staging how the changes reach the warehouse ({@code DialectStaging.datasets}) */
    public SalesLoader(AuditedLoad audited, DatasetStaging staging) {
        this.audited = Objects.requireNonNull(audited, "audited is null");
        this.staging = Objects.requireNonNull(staging, "staging is null");
        this.createStageChanges = audited.sql(LOAD_SQL + "10_create_stage_sales_changes.sql");
        this.createStage = audited.sql(LOAD_SQL + "15_create_stage_sales.sql");
        this.countRepeatedSales = audited.sql(LOAD_SQL + "20_count_repeated_sales.sql");
        this.discardStaleChanges = audited.sql(LOAD_SQL + "30_discard_stale_changes.sql");
        this.createStageTouchedItems = audited.sql(LOAD_SQL + "35_create_stage_touched_items.sql");
        this.mergeFacts = audited.sql(LOAD_SQL + "40_merge_facts.sql");
        this.createStageItems = audited.sql(LOAD_SQL + "50_create_stage_items.sql");
        this.mergeItems = audited.sql(LOAD_SQL + "60_merge_items.sql");
    }

    /**
     * Applies the batch, or skips it when its load id is already committed. The audit row counts the input
     * changes staged. On Redshift the changes are written to S3 first, also when the load then skips, and removed
     * once it committed, skipped or finally failed.
     *
     * @throws SQLException a non-transient failure, or the last transient one when the attempts are used up;
     *                      nothing of the load is committed then
     */
    public AuditedLoadResult load(SalesLoadRequest request) throws SQLException {
        Objects.requireNonNull(request, "request is null");
        LoadAudit audit = new LoadAudit(DATASET, request.partitionList(), request.inputChecksum(), request.runId());
        try (StagedRows changes = staging.prepare(StagedSalesChanges.of(request.changes()), audit.loadId())) {
            return audited.run(audit, connection -> apply(connection, changes), TOUCHED_TABLES);
        }
    }

    private long apply(Connection connection, StagedRows changes) throws SQLException {
        long staged;
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStageChanges);
            staged = changes.copyInto(connection, STAGE_TABLE);
            statement.execute(createStage);
            requireOneRowPerSale(statement);
            statement.executeUpdate(discardStaleChanges);
            statement.execute(createStageTouchedItems);
            statement.executeUpdate(mergeFacts);
            statement.execute(createStageItems);
            statement.executeUpdate(mergeItems);
        }
        return staged;
    }

    private void requireOneRowPerSale(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery(countRepeatedSales)) {
            result.next();
            long repeated = result.getLong(1);
            if (repeated != 0) {
                throw new IllegalStateException("Cannot merge into " + DATASET + ": the staged set repeats " + repeated
                        + " sale_id(s); MERGE needs one source row per target row");
            }
        }
    }
}
