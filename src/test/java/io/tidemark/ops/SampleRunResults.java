package io.tidemark.ops;

import io.tidemark.ErrorCode;
import io.tidemark.RunStatus;
import io.tidemark.config.PartitionKey;
import io.tidemark.quality.QualityOutcome;

import java.util.List;
import java.util.Map;

/** Result lines of one window, as a run would print them, for tests of run records and the report. */
public final class SampleRunResults {
    private SampleRunResults() {
    }

    /** A window with {@code out} rows stored, 3 duplicates, the quarantine counts given and 5 passed checks. */
    public static RunResult window(String job, String window, long out, Map<String, Long> reasons, List<String> failedChecks) {
        long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
        return RunResult.builder(failedChecks.isEmpty() ? RunStatus.SUCCEEDED : RunStatus.FAILED, job, "r-" + window, window)
                .partitions(List.of(PartitionKey.parse("vpc_flow_logs/dt=2026-11-24/hr=10")))
                .rowsIn(out + quarantined + 3)
                .rowsOut(out)
                .rowsQuarantined(quarantined)
                .rowsDuplicate(3)
                .quality(new QualityOutcome(5, failedChecks))
                .durationMs(1500 + out)
                .error(failedChecks.isEmpty() ? null : new RunError(ErrorCode.QUALITY_GATE_FAILED, "quality gate failed"))
                .quarantinedByReason(reasons)
                .controlMessages(1)
                .objects(4)
                .build();
    }
}
