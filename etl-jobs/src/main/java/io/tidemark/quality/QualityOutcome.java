package io.tidemark.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Quality rules of a run: how many passed, which blocking rules failed and which warn rules failed, each as
 * {@code "<dataset>: <rule>: <observed>"} (for example {@code "vpc_flow_logs: RowCount > 100000000: observed 3124"}).
 * A failed blocking rule stopped the publish; warnings were published and only reported.
 */
public record QualityOutcome(
        @JsonProperty("passed") int passed,
        @JsonProperty("failed") List<String> failed,
        @JsonProperty("warnings") List<String> warnings) {
    public static final QualityOutcome NONE = new QualityOutcome(0, List.of(), List.of());

    @JsonCreator
    public QualityOutcome {
        failed = List.copyOf(failed == null ? List.of() : failed);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    public QualityOutcome(int passed, List<String> failed) {
        this(passed, failed, List.of());
    }

    public QualityOutcome plus(QualityOutcome other) {
        List<String> allFailed = new ArrayList<>(failed);
        allFailed.addAll(other.failed);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(other.warnings);
        return new QualityOutcome(passed + other.passed, allFailed, allWarnings);
    }
}
