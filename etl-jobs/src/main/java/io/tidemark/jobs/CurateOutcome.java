package io.tidemark.jobs;

import io.tidemark.lake.PartitionVersion;
import io.tidemark.ops.RunResult;
import java.util.List;
import java.util.Map;

/**
 * What a curate run did: its result line; per curated dataset, the published version of every partition the
 * window's objects fed (what downstream loads must reflect); and the ledger commit, left to the caller so that a
 * window is only recorded as done once its loads succeeded.
 */
public record CurateOutcome(RunResult result, Map<String, List<PartitionVersion>> fedPartitions, Runnable ledgerCommit) {
    public CurateOutcome {
        fedPartitions = Map.copyOf(fedPartitions);
    }

    /** Records the window's objects as processed; a no-op for a skipped run. */
    public void commitLedger() {
        ledgerCommit.run();
    }
}
