package io.tidemark.quality;

import java.util.List;
import java.util.Optional;
import software.amazon.glue.dqdl.model.DQRule;

/**
 * The rules of one dataset.
 *
 * @param blocking its {@code .dqdl} ruleset: a failure blocks publish and load
 * @param warn     its {@code .warn.dqdl} ruleset: failures are reported only
 */
public record DatasetRules(String dataset, Optional<Ruleset> blocking, Optional<Ruleset> warn) {
    /** Rule types that judge each row on its own, when written without a threshold (see README.md). */
    private static final List<String> ROW_LEVEL_TYPES = List.of("IsComplete", "ColumnValues");

    /** The blocking rules that judge single rows: rows failing one go to quarantine instead of blocking. */
    public List<DQRule> rowLevel() {
        return blocking.map(r -> r.rules().stream().filter(DatasetRules::judgesRows).toList()).orElse(List.of());
    }

    /** The blocking rules that judge the data as a whole: a failure blocks publish. */
    public List<DQRule> wholeData() {
        return blocking.map(r -> r.rules().stream().filter(rule -> !judgesRows(rule)).toList()).orElse(List.of());
    }

    /** The warn ruleset's rules. */
    public List<DQRule> warnings() {
        return warn.map(Ruleset::rules).orElse(List.of());
    }

    static boolean judgesRows(DQRule rule) {
        return ROW_LEVEL_TYPES.contains(rule.getRuleType()) && rule.getThresholdCondition() == null;
    }
}
