package io.tidemark.ops;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one command run leaves in the lake under {@code _tidemark/runs/}: its result line plus, for commands that
 * cover several windows ({@code demo}, {@code backfill}), the result of each window.
 *
 * @param recordedAt when the run ended (UTC, ISO-8601)
 * @param command    the verb ({@code run}, {@code load}, {@code demo}, ...)
 * @param result     the JSON result line the command printed
 * @param windows    per-window results, empty when the command covered one window
 */
@JsonPropertyOrder({"recorded_at", "command", "result", "windows"})
public record RunRecord(
        @JsonProperty("recorded_at") String recordedAt,
        @JsonProperty("command") String command,
        @JsonProperty("result") RunResult result,
        @JsonProperty("windows") List<RunResult> windows) {

    public RunRecord {
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(command, "command is null");
        requireNonNull(result, "result is null");
        windows = List.copyOf(windows == null ? List.of() : windows);
    }

    /** The windows this run covered: its per-window results, or the run itself when it covered one window. */
    public List<RunResult> windowResults() {
        return windows.isEmpty() ? List.of(result) : windows;
    }
}
