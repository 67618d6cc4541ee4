package io.tidemark.warehouse.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;

import io.tidemark.warehouse.TableLoadScript;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Model {@code security_findings}: {@code guardduty_findings} to {@code fact_security_findings}, the latest state
 * per finding. Spark keeps each finding's latest update among the published days (one row per finding, as MERGE
 * requires); the warehouse drops staged updates that are not newer than the stored one and MERGEs the rest.
 */
public final class SecurityFindingsModel extends StagedTableModel {
    public static final String MODEL = "security_findings";
    public static final String DATASET = "guardduty_findings";
    static final TableLoadScript SCRIPT = new TableLoadScript("fact_security_findings", false,
            List.of("20_delete_stale_stage_rows.sql", "30_merge_findings.sql"),
            List.of("fact_security_findings", "etl_load_audit"));

    public SecurityFindingsModel() {
        super(MODEL, DATASET, SCRIPT);
    }

    @Override
    Dataset<Row> stagedRows(Dataset<Row> published) {
        return published
                .withColumn("update_rank", row_number().over(
                        Window.partitionBy(col("finding_id")).orderBy(col("updated_at").desc())))
                .where(col("update_rank").equalTo(1))
                .select(col("finding_id"), regexp_replace(col("dt"), "-", "").cast("int").as("datekey"),
                        col("updated_at"), col("created_at"), col("account_id"), col("region"),
                        col("type").as("finding_type"), col("severity"), col("severity_label"), col("resource_type"),
                        col("instance_id"), col("action_type"), col("remote_ip"), col("remote_country"),
                        col("service_count"), col("archived"));
    }
}
