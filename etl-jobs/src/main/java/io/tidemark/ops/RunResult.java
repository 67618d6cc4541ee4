package io.tidemark.ops;

import io.tidemark.ErrorCode;
import io.tidemark.RunStatus;
import io.tidemark.quality.QualityOutcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON result line every command prints last on stdout (field names fixed by DESIGN.md), plus
 * {@code quarantined_by_reason} and {@code control_messages}, which the contract leaves room for.
 */
@JsonPropertyOrder({"status", "job", "run_id", "window", "partitions", "rows_in", "rows_out", "rows_quarantined",
        "rows_duplicate", "quality", "duration_ms", "error", "quarantined_by_reason", "control_messages", "objects"})
public record RunResult(
        @JsonProperty("status") RunStatus status,
        @JsonProperty("job") String job,
        @JsonProperty("run_id") String runId,
        @JsonProperty("window") String window,
        @JsonProperty("partitions") List<String> partitions,
        @JsonProperty("rows_in") long rowsIn,
        @JsonProperty("rows_out") long rowsOut,
        @JsonProperty("rows_quarantined") long rowsQuarantined,
        @JsonProperty("rows_duplicate") long rowsDuplicate,
        @JsonProperty("quality") QualityOutcome quality,
        @JsonProperty("duration_ms") long durationMs,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("error") RunError error,
        @JsonProperty("quarantined_by_reason") Map<String, Long> quarantinedByReason,
        @JsonProperty("control_messages") long controlMessages,
        @JsonProperty("objects") long objects) {

    public RunResult {
        partitions = List.copyOf(partitions);
        quarantinedByReason = Map.copyOf(new TreeMap<>(quarantinedByReason));
    }

    public static RunResult failed(String job, String runId, String window, ErrorCode code, String message, long durationMs) {
        return new RunResult(RunStatus.FAILED, job, runId, window, List.of(), 0, 0, 0, 0, QualityOutcome.NONE,
                durationMs, new RunError(code.name(), message), Map.of(), 0, 0);
    }

    public static RunResult skipped(String job, String runId, String window, long durationMs) {
        return new RunResult(RunStatus.SKIPPED, job, runId, window, List.of(), 0, 0, 0, 0, QualityOutcome.NONE,
                durationMs, null, Map.of(), 0, 0);
    }

    public RunResult withDuration(long millis) {
        return new RunResult(status, job, runId, window, partitions, rowsIn, rowsOut, rowsQuarantined, rowsDuplicate,
                quality, millis, error, quarantinedByReason, controlMessages, objects);
    }

    /** Sums several runs into one line (used by {@code demo} and {@code backfill}). */
    public static RunResult combine(String job, String runId, String window, List<RunResult> runs, long durationMs) {
        List<String> partitions = new ArrayList<>(new TreeSet<>(runs.stream().flatMap(r -> r.partitions.stream()).toList()));
        Map<String, Long> reasons = new TreeMap<>();
        runs.forEach(r -> r.quarantinedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum)));
        QualityOutcome quality = runs.stream().map(RunResult::quality).reduce(QualityOutcome.NONE, QualityOutcome::plus);
        RunResult firstFailure = runs.stream().filter(r -> r.status == RunStatus.FAILED).findFirst().orElse(null);
        boolean allSkipped = !runs.isEmpty() && runs.stream().allMatch(r -> r.status == RunStatus.SKIPPED);
        RunStatus status = firstFailure != null ? RunStatus.FAILED : allSkipped ? RunStatus.SKIPPED : RunStatus.SUCCEEDED;
        return new RunResult(status, job, runId, window, partitions,
                runs.stream().mapToLong(RunResult::rowsIn).sum(),
                runs.stream().mapToLong(RunResult::rowsOut).sum(),
                runs.stream().mapToLong(RunResult::rowsQuarantined).sum(),
                runs.stream().mapToLong(RunResult::rowsDuplicate).sum(),
                quality, durationMs, firstFailure == null ? null : firstFailure.error, reasons,
                runs.stream().mapToLong(RunResult::controlMessages).sum(),
                runs.stream().mapToLong(RunResult::objects).sum());
    }
}
