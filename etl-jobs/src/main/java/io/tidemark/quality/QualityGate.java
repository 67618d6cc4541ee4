package io.tidemark.quality;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import software.amazon.glue.dqdl.model.DQRule;

/**
 * Evaluates a dataset's DQDL rulesets with Deequ's DQDL executor on written-but-unpublished data: a failed
 * rule of the blocking ruleset ({@code <dataset>.dqdl}) blocks publish and load; a failed rule of the warn ruleset
 * ({@code <dataset>.warn.dqdl}) is only reported. Each failure reads {@code "<dataset>: <rule>: observed <value>"}.
 * As in Glue Data Quality, {@code CustomSql} rules name the data under evaluation {@code primary}: a temporary view,
 * so evaluations of one process take turns.
 */
public final class QualityGate {
    /** The name DQDL's {@code CustomSql} rules give the data under evaluation. */
    public static final String PRIMARY_VIEW = "primary";
    private static final Object PRIMARY_VIEW_LOCK = new Object();
    private final QualityRulesets rulesets;

    public QualityGate(QualityRulesets rulesets) {
        this.rulesets = rulesets;
    }

    /** The parsed rules of a dataset; a ruleset DQDL cannot read fails here, naming file, line and rule. */
    public DatasetRules rules(String dataset) {
        return rulesets.of(dataset);
    }

    /**
     * Row-level blocking rules were applied to the new rows before the merge ({@link RowLevelScreen}); rows
     * published before that fail one (a rule added later) are reported as warnings, they do not block.
     */
    public QualityOutcome check(DatasetRules rules, Dataset<Row> written) {
        List<String> failed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int passed = evaluate(rules.dataset(), rules.wholeData(), written, failed)
                + evaluate(rules.dataset(), rules.rowLevel(), written, warnings)
                + evaluate(rules.dataset(), rules.warnings(), written, warnings);
        return new QualityOutcome(passed, failed, warnings);
    }

    private static int evaluate(String dataset, List<DQRule> rules, Dataset<Row> written, List<String> failures) {
        if (rules.isEmpty()) {
            return 0;
        }
        List<Row> outcomes;
        synchronized (PRIMARY_VIEW_LOCK) {
            written.createOrReplaceTempView(PRIMARY_VIEW);
            try {
                outcomes = EvaluateDataQuality.process(written, Ruleset.textOf(rules)).collectAsList();
            } finally {
                written.sparkSession().catalog().dropTempView(PRIMARY_VIEW);
            }
        }
        int passed = 0;
        for (Row outcome : outcomes) {
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
