package io.tidemark.warehouse.sales;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.tidemark.warehouse.DateKey;
import io.tidemark.warehouse.DeterministicKey;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The rows a sales load stages ({@code stage_sales_changes}, in its column order), computed by Spark from
 * {@code sales_changes} rows: one per change, with its {@link ChangePosition}, the {@code dim_item} key of its item
 * and the {@code yyyyMMdd} key of its order date (UTC). A delete is staged without values, whatever before-image the
 * source sent: a tombstone keeps none. Nothing is collapsed here; the load keeps the last change per sale in SQL.
 */
final class StagedSalesChanges {
    private static final UserDefinedFunction POSITION = udf((UDF3<Timestamp, String, String, String>)
            (changeTs, sourceSeq, changeKey) -> ChangePosition.of(changeTs.toInstant(), sourceSeq, changeKey).value(),
            DataTypes.StringType);
    private static final UserDefinedFunction ITEM_KEY =
            udf((UDF1<String, Long>) itemId -> itemId == null ? null : DeterministicKey.of(itemId), DataTypes.LongType);
    private static final UserDefinedFunction DATEKEY = udf((UDF1<Timestamp, Integer>) orderDate -> orderDate == null
            ? null : DateKey.of(orderDate.toInstant().atOffset(ZoneOffset.UTC).toLocalDate()).value(), DataTypes.IntegerType);

    private StagedSalesChanges() {
    }

    /**
     * @param changes rows with the columns of {@code sales_changes} (by name: change_key, op, sale_id, change_ts,
     *                source_seq, item_id, category, price, quantity, order_date, destination_state, shipping_type,
     *                referral); others are ignored
     */
    static Dataset<Row> of(Dataset<Row> changes) {
        return changes.select(
                col("sale_id"),
                col("op"),
                col("change_ts"),
                col("source_seq"),
                POSITION.apply(col("change_ts"), col("source_seq"), col("change_key")).as("change_position"),
                unlessDeleted(ITEM_KEY.apply(col("item_id"))).as("item_key"),
                unlessDeleted(col("item_id")).as("item_id"),
                unlessDeleted(col("category")).as("category"),
                unlessDeleted(col("price").cast(DataTypes.createDecimalType(18, 4))).as("price"),
                unlessDeleted(col("quantity").cast("int")).as("quantity"),
                unlessDeleted(col("order_date")).as("order_date"),
                unlessDeleted(DATEKEY.apply(col("order_date"))).as("order_datekey"),
                unlessDeleted(col("destination_state")).as("destination_state"),
                unlessDeleted(col("shipping_type")).as("shipping_type"),
                unlessDeleted(col("referral")).as("referral"));
    }

    private static Column unlessDeleted(Column value) {
        return when(col("op").notEqual(lit("D")), value);
    }
}
