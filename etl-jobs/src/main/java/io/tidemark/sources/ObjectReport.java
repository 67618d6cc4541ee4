package io.tidemark.sources;

import io.tidemark.config.PartitionKey;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one landed object yielded.
 *
 * @param rowsIn          records read: rows emitted to curated datasets plus records quarantined
 * @param controlMessages     expected traffic that carries no data (CloudWatch Logs CONTROL_MESSAGE)
 * @param quarantinedByReason records quarantined, per reason code
 * @param partitions          curated partitions the object fed, sorted
 */
public record ObjectReport(String uri, long size, String version, String md5, long rowsIn, long controlMessages,
                           Map<String, Long> quarantinedByReason, List<PartitionKey> partitions) implements Serializable {
    public ObjectReport {
        quarantinedByReason = Map.copyOf(quarantinedByReason);
        partitions = List.copyOf(partitions);
    }

    /** Records quarantined, all reasons. */
    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
