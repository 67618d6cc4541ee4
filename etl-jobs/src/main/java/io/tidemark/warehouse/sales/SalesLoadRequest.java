package io.tidemark.warehouse.sales;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One batch of {@code sales_changes} to apply to {@code fact_sales}.
 *
 * @param partitions    the sales_changes partitions the batch was read from, e.g. {@code dt=2026-11-24}; kept
 *                      sorted and distinct (recorded in the audit row, part of the load id)
 * @param runId         the run that performs the load
 * @param inputChecksum the caller's stable checksum of the input (e.g. of the published version folders)
 * @param changes       every change of those partitions, in any order and with any repeats: rows with the columns
 *                      of {@code sales_changes} (by name); read by Spark, never collected (a retried transaction
 *                      reads them again)
 */
public record SalesLoadRequest(List<String> partitions, String runId, String inputChecksum, Dataset<Row> changes) {
    public SalesLoadRequest {
        Objects.requireNonNull(partitions, "partitions is null");
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("Cannot load fact_sales: no partitions given");
        }
        partitions = List.copyOf(new TreeSet<>(partitions));
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(inputChecksum, "inputChecksum is null");
        Objects.requireNonNull(changes, "changes is null");
    }

    public String partitionList() {
        return String.join(",", partitions);
    }
}
