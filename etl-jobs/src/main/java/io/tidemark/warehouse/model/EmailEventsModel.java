package io.tidemark.warehouse.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

import io.tidemark.warehouse.TableLoadScript;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Model {@code email_events}: {@code ses_events} to {@code fact_email_events}, one row per SES event and recipient
 * (recipients only as their SHA-256 hash), replacing the published hours of event time.
 */
public final class EmailEventsModel extends StagedTableModel {
    public static final String MODEL = "email_events";
    public static final String DATASET = "ses_events";
    private static final TableLoadScript SCRIPT = new TableLoadScript("fact_email_events", true,
            List.of("40_delete_windows.sql", "50_insert_facts.sql"), List.of("fact_email_events", "etl_load_audit"));

    /** The load script of {@code fact_email_events} (used by the load benchmark too). */
    public static TableLoadScript script() {
        return SCRIPT;
    }

    public EmailEventsModel() {
        super(MODEL, DATASET, SCRIPT);
    }

    @Override
    Dataset<Row> stagedRows(Dataset<Row> published) {
        return published
                .select(regexp_replace(col("dt"), "-", "").cast("int").as("datekey"), col("event_ts"), col("message_id"),
                        col("event_type"), col("recipient_hash"), col("bounce_type"), col("complaint_type"), col("link"));
    }
}
