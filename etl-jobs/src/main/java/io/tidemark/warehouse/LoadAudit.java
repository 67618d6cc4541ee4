package io.tidemark.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit identity of one warehouse load: what {@code etl_load_audit} records for it.
 *
 * @param dataset       the target table, e.g. {@code fact_article_events}
 * @param partitions    the partitions (or window) the load covers as one label, e.g. {@code 20261125/05,20261125/06}
 * @param inputChecksum the caller's stable checksum of the input (e.g. of the published version folders): same
 *                      input, same checksum, same {@link #loadId()}
 * @param runId         the run that performs the load (recorded, not part of the id)
 */
public record LoadAudit(String dataset, String partitions, String inputChecksum, String runId) {
    public LoadAudit {
        requireText(dataset, "dataset");
        requireText(partitions, "partitions");
        requireText(inputChecksum, "inputChecksum");
        requireText(runId, "runId");
    }

    /**
     * {@code <dataset>:} and 32 hex digits of SHA-256 over the dataset, the partitions and the input checksum:
     * stable across reruns of the same input, different when the input or the covered partitions change.
     */
    public String loadId() {
        String identity = dataset + "\n" + partitions + "\n" + inputChecksum;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return dataset + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is null or blank");
        }
    }
}
