package io.tidemark.quality;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import io.tidemark.ops.QualityOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Evaluates a dataset's DQDL rulesets with Deequ's DQDL executor on written-but-unpublished data: a failed
 * rule of the blocking ruleset ({@code <dataset>.dqdl}) blocks publish and load; a failed rule of the warn ruleset
 * ({@code <dataset>.warn.dqdl}) is only reported. Each failure reads {@code "<dataset>: <rule>: observed <value>"}.
 */
public final class QualityGate {
    private final QualityRulesets rulesets;

    public QualityGate(QualityRulesets rulesets) {
        this.rulesets = rulesets;
    }

    /** The parsed rules of a dataset; a ruleset DQDL cannot read fails here, naming file, line and rule. */
    public DatasetRules rules(String dataset) {
        return rulesets.of(dataset);
    }

    public QualityOutcome check(DatasetRules rules, Dataset<Row> written) {
        List<String> failed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int passed = evaluate(rules.dataset(), rules.blocking(), written, failed)
                + evaluate(rules.dataset(), rules.warn(), written, warnings);
        return new QualityOutcome(passed, failed, warnings);
    }

    private static int evaluate(String dataset, Optional<Ruleset> ruleset, Dataset<Row> written, List<String> failures) {
        if (ruleset.isEmpty() || ruleset.get().rules().isEmpty()) {
            return 0;
        }
        int passed = 0;
        for (Row outcome : EvaluateDataQuality.process(written, ruleset.get().text()).collectAsList()) {
            if ("Passed".equals(outcome.getAs("Outcome"))) {
                passed++;
            } else {
                failures.add(dataset + ": " + outcome.getAs("Rule") + ": " + observed(outcome));
            }
        }
        return passed;
    }

    /** What the rule saw: its metric values, else Deequ's failure reason. */
    private static String observed(Row outcome) {
        Map<String, Object> metrics = outcome.isNullAt(outcome.fieldIndex("EvaluatedMetrics")) ? Map.of()
                : outcome.getJavaMap(outcome.fieldIndex("EvaluatedMetrics"));
        if (metrics.size() == 1) {
            return "observed " + number(metrics.values().iterator().next());
        }
        if (!metrics.isEmpty()) {
            return "observed " + new java.util.TreeMap<>(metrics).entrySet().stream()
                    .map(e -> e.getKey() + " = " + number(e.getValue())).collect(Collectors.joining(", "));
        }
        Object reason = outcome.getAs("FailureReason");
        return reason == null ? "failed" : reason.toString().replace('\n', ' ');
    }

    private static String number(Object value) {
        return value instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}
