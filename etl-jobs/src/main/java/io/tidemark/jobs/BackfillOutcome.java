package io.tidemark.jobs;

import io.tidemark.ops.RunResult;
import java.util.List;

/**
 * What a backfill did over its range.
 *
 * @param results  the result of every finished window of the range, this attempt's and earlier attempts', in
 *                 window order
 * @param windows  windows in the range
 * @param resumed  windows skipped because an earlier attempt finished them
 * @param failure  the first failure, which stopped the backfill, or null
 */
public record BackfillOutcome(List<RunResult> results, int windows, int resumed, Exception failure) {
    public BackfillOutcome {
        results = List.copyOf(results);
    }

    public boolean complete() {
        return failure == null && results.size() == windows;
    }
}
