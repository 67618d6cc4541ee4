package io.tidemark.jobs;

import io.tidemark.lake.PartitionVersion;
import io.tidemark.ops.RunResult;
import java.util.List;
import java.util.Map;

/** What a curate run did: its result line, and the partition versions it published per dataset. */
public record CurateOutcome(RunResult result, Map<String, List<PartitionVersion>> published) {
    public CurateOutcome {
        published = Map.copyOf(published);
    }
}
