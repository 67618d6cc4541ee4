package io.tidemark.warehouse;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One window to load into {@code fact_flow_hourly}.
 *
 * @param partitions    the (datekey, hr) partitions the input covers; the load replaces exactly these, so a
 *                      partition with no rows in the input ends up empty. Kept sorted and distinct.
 * @param runId         the run that performs the load (recorded in the audit row)
 * @param inputChecksum the caller's stable checksum of the input (e.g. of the staged files' names and ETags):
 *                      same input, same checksum, same {@link #loadId()}
 * @param rows          the input; {@link Iterable#iterator()} must start over on each call, because a retried
 *                      transaction reads the input again
 */
public record FlowHourlyLoadRequest(
        List<HourPartition> partitions,
        String runId,
        String inputChecksum,
        Iterable<FlowHourlyRow> rows) {

    public FlowHourlyLoadRequest {
        Objects.requireNonNull(partitions, "partitions is null");
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("Cannot load fact_flow_hourly: no partitions given");
        }
        partitions = List.copyOf(new TreeSet<>(partitions));
        requireText(runId, "runId");
        requireText(inputChecksum, "inputChecksum");
        Objects.requireNonNull(rows, "rows is null");
    }

    /** The audit key: see {@link LoadAudit#loadId()}; stable across reruns of the same input. */
    public String loadId() {
        return new LoadAudit(FlowHourlyLoader.DATASET, partitionList(), inputChecksum, runId).loadId();
    }

    /** The partitions as {@code yyyyMMdd/HH} labels joined by commas, e.g. {@code 20261125/05,20261125/06}. */
    public String partitionList() {
        return partitions.stream().map(HourPartition::label).collect(Collectors.joining(","));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is null or blank");
        }
    }
}
