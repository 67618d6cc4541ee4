package io.tidemark.warehouse.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import io.tidemark.warehouse.NetworkInterfaceKey;
import io.tidemark.warehouse.TableLoadScript;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Model {@code flow_hourly}: {@code vpc_flow_logs} to {@code dim_network_interface} and {@code fact_flow_hourly} at
 * the grain day, hour, interface, action, protocol. Spark aggregates the published flow records of status OK to that
 * grain (an unknown account as {@code unknown}, an unknown protocol as -1); the warehouse adds new interfaces, fills
 * their vpc/subnet/instance once known, and replaces the published hours.
 */
public final class FlowHourlyModel extends StagedTableModel {
    public static final String MODEL = "flow_hourly";
    public static final String DATASET = "vpc_flow_logs";
    private static final TableLoadScript SCRIPT = new TableLoadScript("fact_flow_hourly", true,
            List.of("30_insert_missing_interfaces.sql", "31_fill_interface_details.sql", "40_delete_partitions.sql",
                    "50_insert_facts.sql"),
            List.of("dim_network_interface", "fact_flow_hourly", "etl_load_audit"));

    private static final UserDefinedFunction INTERFACE_KEY =
            udf((UDF2<String, String, Long>) NetworkInterfaceKey::of, DataTypes.LongType).asNonNullable();

    /** The load script of {@code fact_flow_hourly}: its stage table's columns are {@code 10_create_stage.sql}'s. */
    public static TableLoadScript script() {
        return SCRIPT;
    }

    public FlowHourlyModel() {
        super(MODEL, DATASET, SCRIPT);
    }

    @Override
    Dataset<Row> stagedRows(Dataset<Row> published) {
        return published
                .where(col("log_status").equalTo("OK").and(col("action").isNotNull()).and(col("interface_id").isNotNull()))
                .groupBy(col("dt"), col("hr"), coalesce(col("account_id"), lit("unknown")).as("account_id"),
                        col("interface_id"), col("action"), coalesce(col("protocol"), lit(-1)).as("protocol"))
                .agg(count(lit(1)).as("flows"), coalesce(sum("packets"), lit(0L)).as("packets"),
                        coalesce(sum("bytes"), lit(0L)).as("bytes"),
                        max("vpc_id").as("vpc_id"), max("subnet_id").as("subnet_id"), max("instance_id").as("instance_id"))
                .select(regexp_replace(col("dt"), "-", "").cast("int").as("datekey"),
                        col("hr").cast("short").as("hr"),
                        INTERFACE_KEY.apply(col("account_id"), col("interface_id")).as("interface_key"),
                        col("account_id"), col("interface_id"), col("vpc_id"), col("subnet_id"), col("instance_id"),
                        col("action"), col("protocol").cast("int").as("protocol"), col("flows").cast("long").as("flows"),
                        col("packets").cast("long").as("packets"), col("bytes").cast("long").as("bytes"));
    }
}
