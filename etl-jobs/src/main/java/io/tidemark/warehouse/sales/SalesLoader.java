package io.tidemark.warehouse.sales;

import io.tidemark.sources.cdc.SalesChange;
import io.tidemark.sources.cdc.SalesImage;
import io.tidemark.warehouse.AuditedLoad;
import io.tidemark.warehouse.AuditedLoadResult;
import io.tidemark.warehouse.DateKey;
import io.tidemark.warehouse.DeterministicKey;
import io.tidemark.warehouse.LoadAudit;
import io.tidemark.warehouse.MultiRowInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Applies a batch of {@code sales_changes} to {@code fact_sales} and {@code dim_item} (CDC apply), in one audited
 * transaction ({@link AuditedLoad}): collapse the batch to the last change per sale_id ({@link LastChangePerSale}),
 * stage it, drop the staged changes that are not newer than what the target already applied (stale, by
 * {@link ChangePosition}), MERGE the rest (inserts and updates set the row, deletes leave a tombstone: the sale_id
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
    private static final String STAGE_TABLE = "stage_sales";
    private static final List<String> STAGE_COLUMNS = List.of("sale_id", "op", "change_ts", "source_seq",
            "change_position", "item_key", "item_id", "category", "price", "quantity", "order_date", "order_datekey",
            "destination_state", "shipping_type", "referral");
    private static final int ROWS_PER_STATEMENT = 500;
    /** What a delete stages: no values, whatever before-image the source sent (a tombstone keeps none). */
    private static final SalesImage TOMBSTONE = new SalesImage(null, null, null, null, null, null, null, null);

    private final AuditedLoad audited;
    private final String createStage;
    private final String countRepeatedSales;
    private final String discardStaleChanges;
    private final String createStageTouchedItems;
    private final String mergeFacts;
    private final String createStageItems;
    private final String mergeItems;
    private final MultiRowInsert<SalesChange> stageInsert =
            new MultiRowInsert<>(STAGE_TABLE, STAGE_COLUMNS, ROWS_PER_STATEMENT, SalesLoader::bind);

    public SalesLoader(AuditedLoad audited) {
        this.audited = Objects.requireNonNull(audited, "audited is null");
        this.createStage = audited.sql(LOAD_SQL + "10_create_stage_sales.sql");
        this.countRepeatedSales = audited.sql(LOAD_SQL + "20_count_repeated_sales.sql");
        this.discardStaleChanges = audited.sql(LOAD_SQL + "30_discard_stale_changes.sql");
        this.createStageTouchedItems = audited.sql(LOAD_SQL + "35_create_stage_touched_items.sql");
        this.mergeFacts = audited.sql(LOAD_SQL + "40_merge_facts.sql");
        this.createStageItems = audited.sql(LOAD_SQL + "50_create_stage_items.sql");
        this.mergeItems = audited.sql(LOAD_SQL + "60_merge_items.sql");
    }

    /**
     * Applies the batch, or skips it when its load id is already committed. The audit row counts the input
     * changes read.
     *
     * @throws SQLException a non-transient failure, or the last transient one when the attempts are used up;
     *                      nothing of the load is committed then
     */
    public AuditedLoadResult load(SalesLoadRequest request) throws SQLException {
        Objects.requireNonNull(request, "request is null");
        LoadAudit audit = new LoadAudit(DATASET, request.partitionList(), request.inputChecksum(), request.runId());
        return audited.run(audit, connection -> apply(connection, request), TOUCHED_TABLES);
    }

    private long apply(Connection connection, SalesLoadRequest request) throws SQLException {
        CountingIterator<SalesChange> input = new CountingIterator<>(request.changes().iterator());
        List<SalesChange> lastChanges = LastChangePerSale.of(input);
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStage);
            stageInsert.insert(connection, lastChanges.iterator());
            requireOneRowPerSale(statement);
            statement.executeUpdate(discardStaleChanges);
            statement.execute(createStageTouchedItems);
            statement.executeUpdate(mergeFacts);
            statement.execute(createStageItems);
            statement.executeUpdate(mergeItems);
        }
        return input.count();
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

    private static void bind(PreparedStatement statement, int first, SalesChange change) throws SQLException {
        SalesImage image = change.op().equals("D") ? TOMBSTONE : change.image();
        statement.setString(first, change.saleId());
        statement.setString(first + 1, change.op());
        statement.setTimestamp(first + 2, utc(change.changeTs()));
        statement.setString(first + 3, change.sourceSeq());
        statement.setString(first + 4, ChangePosition.of(change).value());
        if (image.itemId() == null) {
            statement.setNull(first + 5, Types.BIGINT);
        } else {
            statement.setLong(first + 5, DeterministicKey.of(image.itemId()));
        }
        statement.setString(first + 6, image.itemId());
        statement.setString(first + 7, image.category());
        statement.setBigDecimal(first + 8, image.price() == null ? null : BigDecimal.valueOf(image.price()));
        if (image.quantity() == null) {
            statement.setNull(first + 9, Types.INTEGER);
        } else {
            statement.setInt(first + 9, image.quantity());
        }
        statement.setTimestamp(first + 10, image.orderDate() == null ? null : utc(image.orderDate()));
        if (image.orderDate() == null) {
            statement.setNull(first + 11, Types.INTEGER);
        } else {
            statement.setInt(first + 11, DateKey.of(image.orderDate().atOffset(ZoneOffset.UTC).toLocalDate()).value());
        }
        statement.setString(first + 12, image.destinationState());
        statement.setString(first + 13, image.shippingType());
        statement.setString(first + 14, image.referral());
    }

    /** TIMESTAMP columns hold UTC wall time: bind the UTC local date-time, never the JVM's zone. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Counts what passes through, so the audit row can record the input changes read. */
    private static final class CountingIterator<T> implements java.util.Iterator<T> {
        private final java.util.Iterator<T> delegate;
        private long count;

        CountingIterator(java.util.Iterator<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public T next() {
            count++;
            return delegate.next();
        }

        long count() {
            return count;
        }
    }
}
