package io.tidemark.quality;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * As in Glue Data Quality, {@code CustomSql} rules name the data under evaluation {@code primary}; they also see the
 * run's window as {@code run_window} ({@link RunWindow}): temporary views, so evaluations of one process take turns.
 * {@code ColumnValues} rules {@code with threshold} are judged as DQDL means them ({@link ColumnValuesThreshold}).
 */
public final class QualityGate {
    /** The name DQDL's {@code CustomSql} rules give the data under evaluation. */
    public static final String PRIMARY_VIEW = "primary";
    private static final Object PRIMARY_VIEW_LOCK = new Object();
    private static final String CUSTOM_SQL = "CustomSql";
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
     * published before that fail one (a rule added later) are reported as warnings, they do not block. The blocking,
     * row-level and warn rules are judged in one evaluation: one shared scan for all the rules but the
     * {@code CustomSql} ones (each runs its own query anyway).
     */
    public QualityOutcome check(DatasetRules rules, Dataset<Row> written, RunWindow window) {
        List<Judged> judged = new ArrayList<>();
        inBatchOrder(rules.wholeData()).forEach(rule -> judged.add(new Judged(rule, true)));
        inBatchOrder(rules.rowLevel()).forEach(rule -> judged.add(new Judged(rule, false)));
        inBatchOrder(rules.warnings()).forEach(rule -> judged.add(new Judged(rule, false)));
        List<String> failed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int passed = evaluate(rules.dataset(), judged, written, window, failed, warnings);
        return new QualityOutcome(passed, failed, warnings);
    }

    /** A rule to judge; a failed blocking rule blocks publish, any other failure is a warning. */
    private record Judged(DQRule rule, boolean blocking) {
    }

    private static int evaluate(String dataset, List<Judged> judged, Dataset<Row> written, RunWindow window,
                                List<String> failed, List<String> warnings) {
        if (judged.isEmpty()) {
            return 0;
        }
        // a rule written in two rulesets is evaluated once
        Map<String, DQRule> byText = new LinkedHashMap<>();
        judged.forEach(j -> byText.putIfAbsent(j.rule().toString(), j.rule()));
        Map<String, Row> outcomes = new HashMap<>();
        outcomes(List.copyOf(byText.values()), written, window).forEach(outcome -> outcomes.put(outcome.<String>getAs("Rule"), outcome));
        int passed = 0;
        if (judged.stream().allMatch(j -> outcomes.containsKey(j.rule().toString()))) {
            for (Judged rule : judged) {
                passed += judge(dataset, outcomes.get(rule.rule().toString()), rule.rule(), rule.blocking() ? failed : warnings);
            }
            return passed;
        }
        // Deequ reported some rule under another text: evaluate the blocking rules and the others apart, so each
        // outcome goes to its list
        for (boolean blocking : List.of(true, false)) {
            List<DQRule> group = judged.stream().filter(j -> j.blocking() == blocking).map(Judged::rule).toList();
            if (!group.isEmpty()) {
                for (Row outcome : outcomes(group, written, window)) {
                    passed += judge(dataset, outcome, byText.get(outcome.<String>getAs("Rule")), blocking ? failed : warnings);
                }
            }
        }
        return passed;
    }

    private static List<Row> outcomes(List<DQRule> rules, Dataset<Row> written, RunWindow window) {
        List<Row> outcomes = new ArrayList<>();
        synchronized (PRIMARY_VIEW_LOCK) {
            written.createOrReplaceTempView(PRIMARY_VIEW);
            window.asRow(written.sparkSession()).createOrReplaceTempView(RunWindow.VIEW);
            try {
                for (List<DQRule> batch : batches(rules)) {
                    outcomes.addAll(EvaluateDataQuality.process(written, Ruleset.textOf(batch)).collectAsList());
                }
            } finally {
                written.sparkSession().catalog().dropTempView(PRIMARY_VIEW);
                written.sparkSession().catalog().dropTempView(RunWindow.VIEW);
            }
        }
        return outcomes;
    }

    /** 1 if the outcome passed, else 0 and its failure added to {@code failures}; {@code rule} may be null. */
    private static int judge(String dataset, Row outcome, DQRule rule, List<String> failures) {
        Map<String, Object> metrics = metrics(outcome);
        boolean rulePassed = rule != null && ColumnValuesThreshold.ignoredByDeequ(rule)
                ? ColumnValuesThreshold.passes(rule, metrics).orElse(false)
                : "Passed".equals(outcome.getAs("Outcome"));
        if (rulePassed) {
            return 1;
        }
        failures.add(dataset + ": " + outcome.getAs("Rule") + ": " + observed(outcome, metrics));
        return 0;
    }

    /** The rules as their evaluation reports them: the shared ones in order, then each {@code CustomSql} rule. */
    private static List<DQRule> inBatchOrder(List<DQRule> rules) {
        return batches(rules).stream().flatMap(List::stream).toList();
    }

    /**
     * The rules in evaluation batches: each {@code CustomSql} rule alone, the others together. Deequ 2.1.0 names every
     * CustomSql metric {@code Dataset.*.CustomSQL}, so with two in one evaluation each reports one of the two values
     * (the outcomes are right, the observed values mixed up); each CustomSql runs its own query anyway.
     */
    private static List<List<DQRule>> batches(List<DQRule> rules) {
        List<List<DQRule>> batches = new ArrayList<>();
        List<DQRule> shared = rules.stream().filter(rule -> !CUSTOM_SQL.equals(rule.getRuleType())).toList();
        if (!shared.isEmpty()) {
            batches.add(shared);
        }
        rules.stream().filter(rule -> CUSTOM_SQL.equals(rule.getRuleType())).forEach(rule -> batches.add(List.of(rule)));
        return batches;
    }

    private static Map<String, Object> metrics(Row outcome) {
        return outcome.isNullAt(outcome.fieldIndex("EvaluatedMetrics")) ? Map.of()
                : outcome.getJavaMap(outcome.fieldIndex("EvaluatedMetrics"));
    }

    /** What the rule saw: its metric values, else Deequ's failure reason. */
    private static String observed(Row outcome, Map<String, Object> metrics) {
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
