package io.tidemark.quality;

import com.amazon.deequ.dqdl.util.DefaultDQDLParser;
import io.tidemark.config.ConfigException;
import java.util.List;
import software.amazon.glue.dqdl.model.DQRule;

/**
 * One DQDL ruleset file ({@code Rules = [ ... ]}), parsed by the DQDL parser Deequ evaluates with, so a rule this
 * DQDL version cannot read fails before anything is written, and so does a rule Deequ would not run as it reads
 * ({@code DataFreshness}, measured against the wall clock).
 *
 * @param file  the file as the user knows it ({@code schemas/quality/vpc_flow_logs.dqdl})
 * @param text  the ruleset as written
 * @param rules the parsed rules, in file order
 */
public record Ruleset(String file, String text, List<DQRule> rules) {
    /** The rule type Deequ evaluates against the wall clock rather than the data's window: refused. */
    private static final String WALL_CLOCK_RULE = "DataFreshness";

    public Ruleset {
        rules = List.copyOf(rules);
    }

    /**
     * Parses a ruleset; when the parser rejects it, the rules are parsed one line at a time (the house style is
     * one rule per line) to name the line and the rule it cannot read.
     *
     * @throws ConfigException naming the file, the line and the rule
     */
    public static Ruleset parse(String file, String text) {
        List<DQRule> rules;
        try {
            rules = DefaultDQDLParser.parse(text).getRules();
        } catch (RuntimeException e) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String rule = ruleOn(lines[i]);
                if (rule.isEmpty()) {
                    continue;
                }
                try {
                    DefaultDQDLParser.parse("Rules = [ " + rule + " ]");
                } catch (RuntimeException lineError) {
                    throw new ConfigException("Cannot read the data quality ruleset " + file + ", line " + (i + 1)
                            + ": rule '" + rule + "': " + lineError.getMessage()
                            + " (fix or remove the rule; rule types DQDL 1.0.0 knows are listed in README.md)", lineError);
                }
            }
            throw new ConfigException("Cannot read the data quality ruleset " + file + ": " + e.getMessage()
                    + " (expected Rules = [ rule, rule, ... ] with one rule per line)", e);
        }
        for (DQRule rule : rules) {
            if (WALL_CLOCK_RULE.equals(rule.getRuleType())) {
                throw new ConfigException("Cannot use the data quality rule '" + rule + "' of " + file + ", line "
                        + lineOf(text, WALL_CLOCK_RULE) + ": Deequ 2.1.0 measures " + WALL_CLOCK_RULE + " against the wall clock,"
                        + " so a backfill or replay of an old window would fail it; judge freshness against the run's window"
                        + " with CustomSql and the view run_window (README.md, Data quality rules)");
            }
        }
        return new Ruleset(file, text, rules);
    }

    /** The 1-based number of the first line holding {@code word}. */
    private static int lineOf(String text, String word) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(word)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The rule written on a line of a ruleset file, without the list syntax around it; empty for none. */
    private static String ruleOn(String line) {
        String rule = line.strip();
        if (rule.startsWith("Rules")) {
            rule = rule.substring("Rules".length()).strip();
            rule = rule.startsWith("=") ? rule.substring(1).strip() : rule;
        }
        rule = rule.startsWith("[") ? rule.substring(1).strip() : rule;
        rule = rule.endsWith("]") && !rule.contains("[") ? rule.substring(0, rule.length() - 1).strip() : rule;
        rule = rule.endsWith(",") ? rule.substring(0, rule.length() - 1).strip() : rule;
        return rule.startsWith("#") ? "" : rule;
    }

    /** The ruleset text of some of its rules. */
    public static String textOf(List<DQRule> rules) {
        StringBuilder text = new StringBuilder("Rules = [\n");
        for (int i = 0; i < rules.size(); i++) {
            text.append("    ").append(rules.get(i)).append(i + 1 < rules.size() ? ",\n" : "\n");
        }
        return text.append("]").toString();
    }
}
