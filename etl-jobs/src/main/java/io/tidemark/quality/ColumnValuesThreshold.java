package io.tidemark.quality;

import com.amazon.deequ.dqdl.execution.DefaultOperandEvaluator$;
import java.util.Map;
import java.util.Optional;
import software.amazon.glue.dqdl.model.DQRule;
import software.amazon.glue.dqdl.model.condition.date.DateBasedCondition;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;

/**
 * {@code ColumnValues ... with threshold} as DQDL means it: the share of rows meeting the condition must meet the
 * threshold. Deequ 2.1.0's DQDL executor honours the threshold only for date conditions: for string and number
 * conditions ({@code in [...]}, {@code =}, {@code between}, ...) it asserts that every row complies, so
 * {@code ColumnValues "action" in ["click", "impression"] with threshold >= 0.9} fails at a compliance of 0.95. Deequ
 * still reports the compliance it measured ({@code Column.<column>.ColumnValues.Compliance}); the gate judges that
 * value with the rule's threshold, through the same DQDL condition evaluation Deequ uses for other rules' assertions.
 */
final class ColumnValuesThreshold {
    private static final String COMPLIANCE = ".Compliance";

    private ColumnValuesThreshold() {
    }

    /** Whether Deequ 2.1.0 would evaluate this rule as if its threshold were 1.0. */
    static boolean ignoredByDeequ(DQRule rule) {
        return "ColumnValues".equals(rule.getRuleType()) && rule.getThresholdCondition() instanceof NumberBasedCondition
                && !(rule.getCondition() instanceof DateBasedCondition);
    }

    /** The rule's outcome judged on the compliance Deequ measured; empty when Deequ reported none (an error). */
    static Optional<Boolean> passes(DQRule rule, Map<String, Object> evaluatedMetrics) {
        return evaluatedMetrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith(COMPLIANCE) && e.getValue() instanceof Number)
                .map(e -> ((Number) e.getValue()).doubleValue())
                .findFirst()
                .map(compliance -> rule.getThresholdCondition().evaluate(compliance, rule, DefaultOperandEvaluator$.MODULE$));
    }
}
