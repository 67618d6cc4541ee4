package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Glue job run's arguments, turned into a Tidemark command line.
 *
 * <p>Glue starts the main class with its own parameters ({@code --JOB_NAME name --JOB_ID j_... --JOB_RUN_ID jr_...
 * --TempDir s3://... --job-bookmark-option job-bookmark-disable --enable-glue-datacatalog true ...}) mixed with
 * the job's parameters, all as {@code --key value} pairs. Tidemark's job parameters are {@code --verb VERB}, the
 * verb's subject as {@code --job JOB} ({@code run}, {@code backfill}, {@code compact}), {@code --model MODEL}
 * ({@code load}) or {@code --sql SQL}, and any option of the verb ({@code --date 2026-11-24 --hour 10}); a value
 * {@code true} or {@code false} turns an option into a flag ({@code --skip-load true}). Glue's own parameters are
 * recognised by name and set aside; an unknown key is passed on, so the verb rejects it as bad usage.
 *
 * @param jobName      Glue's {@code --JOB_NAME}, if given
 * @param commandLine  the Tidemark command line, verb first
 * @param glueOptions  Glue's own parameters that were set aside, by name (without the leading dashes)
 */
public record GlueArguments(String jobName, List<String> commandLine, Map<String, String> glueOptions) {
    /** Parameters Glue itself passes or consumes (job parameters reference, Glue 4 and 5). */
    private static final Set<String> GLUE_OWN = Set.of(
            "JOB_NAME", "JOB_ID", "JOB_RUN_ID", "TempDir", "RedshiftTempDir", "SECURITY_CONFIGURATION",
            "job-bookmark-option", "job-language", "class", "scriptLocation", "extra-jars", "extra-files",
            "extra-py-files", "user-jars-first", "spark-event-logs-path", "conf", "datalake-formats",
            "additional-python-modules", "python-modules-installer-option", "encryption-type",
            "continuous-log-logGroup", "continuous-log-logStreamPrefix", "continuous-log-conversionPattern",
            "write-shuffle-files-to-s3", "write-shuffle-spills-to-s3", "executor-cores", "auto-scale-within-microbatch",
            "customer-driver-env-vars", "customer-executor-env-vars");
    /** Glue's feature switches: {@code --enable-glue-datacatalog}, {@code --enable-metrics}, {@code --enable-spark-ui}, ... */
    private static final String GLUE_SWITCH_PREFIX = "enable-";
    private static final Set<String> SUBJECTS = Set.of("job", "model", "sql");

    public GlueArguments {
        commandLine = List.copyOf(commandLine);
        glueOptions = Map.copyOf(glueOptions);
    }

    /**
     * True when the arguments come from Glue: they start with a {@code --key} (a Tidemark command line starts with
     * its verb) and carry {@code --verb} or Glue's {@code --JOB_NAME}/{@code --JOB_ID}.
     */
    public static boolean isGlueStyle(String... args) {
        if (args.length == 0 || !args[0].startsWith("--") || Set.of("--help", "--version").contains(args[0])) {
            return false;
        }
        for (String arg : args) {
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (key.equals("--verb") || key.equals("--JOB_NAME") || key.equals("--JOB_ID")) {
                return true;
            }
        }
        return false;
    }

    /** Parses Glue-style arguments; fails (bad usage) without {@code --verb} or on a stray value. */
    public static GlueArguments parse(String... args) {
        Map<String, String> glue = new LinkedHashMap<>();
        String verb = null;
        String subject = null;
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("Cannot read the Glue job arguments: expected --key value pairs, found '" + arg + "'");
            }
            String key;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                key = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                key = arg.substring(2);
                boolean hasValue = i + 1 < args.length && !(args[i + 1].startsWith("--") && args[i + 1].length() > 2);
                value = hasValue ? args[++i] : null;
            }
            if (isGlueOwn(key)) {
                glue.put(key, value == null ? "" : value);
            } else if (value == null) {
                throw new ConfigException("Cannot read the Glue job arguments: --" + key + " has no value; Glue passes "
                        + "every job parameter as --key value (use --" + key + " true for a flag)");
            } else if (key.equals("verb")) {
                verb = value;
            } else if (SUBJECTS.contains(key)) {
                if (subject != null) {
                    throw new ConfigException("Cannot read the Glue job arguments: give one of --job, --model or --sql, not several");
                }
                subject = value;
            } else if (value.equalsIgnoreCase("true")) {
                options.add("--" + key);
            } else if (!value.equalsIgnoreCase("false")) {
                options.add("--" + key);
                options.add(value);
            }
        }
        if (verb == null || verb.isBlank()) {
            throw new ConfigException("Cannot read the Glue job arguments: --verb is missing; set the job parameter "
                    + "--verb to run, backfill, load, compact or report");
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(verb);
        if (subject != null) {
            commandLine.add(subject);
        }
        commandLine.addAll(options);
        return new GlueArguments(glue.get("JOB_NAME"), commandLine, glue);
    }

    private static boolean isGlueOwn(String key) {
        return GLUE_OWN.contains(key) || key.startsWith(GLUE_SWITCH_PREFIX);
    }

    /** One line for the log: the job, the command it runs and the names (never the values) of Glue's parameters. */
    public String describe() {
        return "Glue job " + (jobName == null ? "(no --JOB_NAME)" : jobName) + ": tidemark " + String.join(" ", commandLine)
                + (glueOptions.isEmpty() ? "" : " (Glue's own parameters set aside: " + String.join(", ",
                        glueOptions.keySet().stream().sorted().toList()) + ")");
    }
}
