package io.tidemark.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Quality checks of a run: how many passed and which failed ({@code "<dataset>: <check>: <why>"}).
 */
public record QualityOutcome(@JsonProperty("passed") int passed, @JsonProperty("failed") List<String> failed) {
    public static final QualityOutcome NONE = new QualityOutcome(0, List.of());

    public QualityOutcome {
        failed = List.copyOf(failed);
    }

    public QualityOutcome plus(QualityOutcome other) {
        List<String> all = new ArrayList<>(failed);
        all.addAll(other.failed);
        return new QualityOutcome(passed + other.passed, all);
    }
}
