package io.tidemark.warehouse.users;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One users_ref snapshot to load into {@code dim_user}.
 *
 * @param date          the snapshot date (the dt partition); versions it opens are valid from its midnight UTC
 * @param runId         the run that performs the load
 * @param inputChecksum the caller's stable checksum of the snapshot (e.g. of its published version folder)
 * @param users         one row per user_id, with the columns {@code user_id} (bigint), {@code gender} (as coded by
 *                      the source, null when empty) and {@code segment_id} (int, null when empty), by name; read by
 *                      Spark, never collected (a retried transaction reads them again)
 */
public record UserSnapshot(LocalDate date, String runId, String inputChecksum, Dataset<Row> users) {
    public UserSnapshot {
        Objects.requireNonNull(date, "date is null");
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(inputChecksum, "inputChecksum is null");
        Objects.requireNonNull(users, "users is null");
    }

    /** The audit row's partition label, {@code dt=yyyy-MM-dd}. */
    public String partition() {
        return "dt=" + date;
    }
}
