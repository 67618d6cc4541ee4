package io.tidemark.jobs;

import io.tidemark.quality.QualityOutcome;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import java.util.List;

/**
 * What a compaction of one job's day did: every partition looked at, rewritten or left alone, and the quality
 * checks run on the rewritten versions.
 */
public record CompactOutcome(String job, String runId, String day, List<PartitionCompaction> partitions, QualityOutcome quality) {
    public CompactOutcome {
        partitions = List.copyOf(partitions);
    }

    public List<PartitionCompaction> rewritten() {
        return partitions.stream().filter(PartitionCompaction::rewritten).toList();
    }

    /**
     * The result line: SUCCEEDED with the rewritten partitions, or SKIPPED when every partition was already well
     * sized; rows_in and rows_out are the rows of the rewritten partitions (equal, compaction changes no row).
     */
    public RunResult toRunResult(long durationMs) {
        List<PartitionCompaction> rewritten = rewritten();
        long rows = rewritten.stream().mapToLong(PartitionCompaction::rows).sum();
        return RunResult.builder(rewritten.isEmpty() ? RunStatus.SKIPPED : RunStatus.SUCCEEDED, job, runId, day)
                .partitions(rewritten.stream().map(PartitionCompaction::partition).toList())
                .rowsIn(rows)
                .rowsOut(rows)
                .quality(quality)
                .durationMs(durationMs)
                .build();
    }
}
