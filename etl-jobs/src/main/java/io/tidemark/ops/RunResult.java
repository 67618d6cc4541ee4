package io.tidemark.ops;

import static java.util.Objects.requireNonNull;

import io.tidemark.ErrorCode;
import io.tidemark.RunStatus;
import io.tidemark.config.PartitionKey;
import io.tidemark.quality.QualityOutcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collection;
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

    /** A result line of the given status, to fill in with the builder's named setters; every count starts at zero. */
    public static Builder builder(RunStatus status, String job, String runId, String window) {
        return new Builder(status, job, runId, window);
    }

    /** A successful result line, to fill in; see {@link #builder}. */
    public static Builder succeeded(String job, String runId, String window) {
        return builder(RunStatus.SUCCEEDED, job, runId, window);
    }

    public static RunResult failed(String job, String runId, String window, ErrorCode code, String message, long durationMs) {
        return builder(RunStatus.FAILED, job, runId, window).error(new RunError(code, message)).durationMs(durationMs).build();
    }

    public static RunResult skipped(String job, String runId, String window, long durationMs) {
        return builder(RunStatus.SKIPPED, job, runId, window).durationMs(durationMs).build();
    }

    /** A builder holding every field of this result, to change some of them. */
    public Builder toBuilder() {
        return builder(status, job, runId, window).partitionLabels(partitions).rowsIn(rowsIn).rowsOut(rowsOut)
                .rowsQuarantined(rowsQuarantined).rowsDuplicate(rowsDuplicate).quality(quality).durationMs(durationMs)
                .error(error).quarantinedByReason(quarantinedByReason).controlMessages(controlMessages).objects(objects);
    }

    public RunResult withDuration(long millis) {
        return toBuilder().durationMs(millis).build();
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
        return builder(status, job, runId, window)
                .partitionLabels(partitions)
                .rowsIn(runs.stream().mapToLong(RunResult::rowsIn).sum())
                .rowsOut(runs.stream().mapToLong(RunResult::rowsOut).sum())
                .rowsQuarantined(runs.stream().mapToLong(RunResult::rowsQuarantined).sum())
                .rowsDuplicate(runs.stream().mapToLong(RunResult::rowsDuplicate).sum())
                .quality(quality)
                .durationMs(durationMs)
                .error(firstFailure == null ? null : firstFailure.error)
                .quarantinedByReason(reasons)
                .controlMessages(runs.stream().mapToLong(RunResult::controlMessages).sum())
                .objects(runs.stream().mapToLong(RunResult::objects).sum())
                .build();
    }

    /**
     * Fills in a result line field by field, so a call site names what it sets; what it does not set is zero, empty,
     * {@link QualityOutcome#NONE} or (for {@code error}) null.
     */
    public static final class Builder {
        private final RunStatus status;
        private final String job;
        private final String runId;
        private final String window;
        private List<String> partitions = List.of();
        private long rowsIn;
        private long rowsOut;
        private long rowsQuarantined;
        private long rowsDuplicate;
        private QualityOutcome quality = QualityOutcome.NONE;
        private long durationMs;
        private RunError error;
        private Map<String, Long> quarantinedByReason = Map.of();
        private long controlMessages;
        private long objects;

        private Builder(RunStatus status, String job, String runId, String window) {
            this.status = requireNonNull(status, "status is null");
            this.job = job;
            this.runId = runId;
            this.window = window;
        }

        /** The partitions the run published (or loaded), in the order given, written as their labels ({@code <dataset>/dt=.../hr=...}). */
        public Builder partitions(Collection<PartitionKey> keys) {
            this.partitions = keys.stream().map(PartitionKey::label).toList();
            return this;
        }

        /** The {@code partitions} field as given: labels of partitions, or what a command lists there instead (gc: the deleted versions). */
        public Builder partitionLabels(List<String> labels) {
            this.partitions = List.copyOf(labels);
            return this;
        }

        public Builder rowsIn(long rowsIn) {
            this.rowsIn = rowsIn;
            return this;
        }

        public Builder rowsOut(long rowsOut) {
            this.rowsOut = rowsOut;
            return this;
        }

        public Builder rowsQuarantined(long rowsQuarantined) {
            this.rowsQuarantined = rowsQuarantined;
            return this;
        }

        public Builder rowsDuplicate(long rowsDuplicate) {
            this.rowsDuplicate = rowsDuplicate;
            return this;
        }

        public Builder quality(QualityOutcome quality) {
            this.quality = requireNonNull(quality, "quality is null");
            return this;
        }

        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder error(RunError error) {
            this.error = error;
            return this;
        }

        public Builder quarantinedByReason(Map<String, Long> quarantinedByReason) {
            this.quarantinedByReason = quarantinedByReason;
            return this;
        }

        public Builder controlMessages(long controlMessages) {
            this.controlMessages = controlMessages;
            return this;
        }

        public Builder objects(long objects) {
            this.objects = objects;
            return this;
        }

        public RunResult build() {
            return new RunResult(status, job, runId, window, partitions, rowsIn, rowsOut, rowsQuarantined, rowsDuplicate,
                    quality, durationMs, error, quarantinedByReason, controlMessages, objects);
        }
    }
}
