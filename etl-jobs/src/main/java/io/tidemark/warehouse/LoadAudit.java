package io.tidemark.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The {@code etl_load_audit} row of one load, and its id.
 *
 * @param dataset   the warehouse table loaded, e.g. {@code fact_sales}
 * @param partition the input partitions, e.g. {@code dt=2026-11-24,dt=2026-11-25}
 * @param checksum  the caller's stable checksum of the input (e.g. of the published version folders)
 * @param runId     the run that performs the load
 */
public record LoadAudit(String dataset, String partition, String checksum, String runId) {
    public LoadAudit {
        requireText(dataset, "dataset");
        requireText(partition, "partition");
        requireText(checksum, "checksum");
        requireText(runId, "runId");
    }

    /**
     * {@code <dataset>:} and 32 hex digits of SHA-256 over the dataset, the partitions and the checksum: the same
     * input gives the same id, whichever run loads it.
     */
    public String loadId() {
        byte[] digest = DigestUtils.sha256((dataset + "\n" + partition + "\n" + checksum).getBytes(StandardCharsets.UTF_8));
        return dataset + ":" + HexFormat.of().formatHex(digest, 0, 16);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is null or blank");
        }
    }
}
