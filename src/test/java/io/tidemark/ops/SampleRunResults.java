package io.tidemark.ops;

import io.tidemark.RunStatus;
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
        return new RunResult(failedChecks.isEmpty() ? RunStatus.SUCCEEDED : RunStatus.FAILED, job, "r-" + window, window,
                List.of("vpc_flow_logs/dt=2026-11-24/hr=10"), out + quarantined + 3, out, quarantined, 3,
                new QualityOutcome(5, failedChecks), 1500 + out, failedChecks.isEmpty() ? null
                : new RunError("QUALITY_GATE_FAILED", "quality gate failed"), reasons, 1, 4);
    }
}
