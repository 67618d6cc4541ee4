package io.tidemark.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /**
     * {@code fact_flow_hourly:} and 32 hex digits of SHA-256 over the partitions and the input checksum: stable
     * across reruns of the same input, different when the input or the covered partitions change.
     */
    public String loadId() {
        String identity = FlowHourlyLoader.DATASET + "\n" + partitionList() + "\n" + inputChecksum;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return FlowHourlyLoader.DATASET + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
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
