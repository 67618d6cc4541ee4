package io.tidemark.jobs;

import static java.util.Objects.requireNonNull;

import io.tidemark.config.PartitionKey;

/**
 * What compaction did to one partition.
 *
 * @param partition   the partition, e.g. {@code vpc_flow_logs/dt=2026-11-24/hr=10}
 * @param filesBefore data files of the version that was published
 * @param bytesBefore their total size
 * @param filesAfter  data files of the new version (equal to before when the partition was left alone)
 * @param bytesAfter  their total size
 * @param rows        rows of the partition, the same before and after (-1 when left alone: not read)
 * @param rewritten   whether a new version was written and published
 */
public record PartitionCompaction(PartitionKey partition, int filesBefore, long bytesBefore, int filesAfter, long bytesAfter,
        long rows, boolean rewritten) {
    public PartitionCompaction {
        requireNonNull(partition, "partition is null");
    }
}
