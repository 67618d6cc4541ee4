package io.tidemark.cli;

import io.tidemark.ErrorCode;
import io.tidemark.ops.RunResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code ./tidemark VERB ...} locally, and the main class under spark-submit. */
@Command(name = "tidemark", mixinStandardHelpOptions = true, version = "tidemark 0.1.0",
        description = "Batch ETL from Firehose landings to a Parquet lake, the catalog and the warehouse.",
        subcommands = {DemoCommand.class, RunCommand.class, BackfillCommand.class, LoadCommand.class, SqlCommand.class,
                ReportCommand.class, CompactCommand.class, GcCommand.class, SpectrumDdlCommand.class,
                BenchCommand.class, QualityCommand.class, ReplayCommand.class})
public final class TidemarkCli implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the CLI and returns the exit code (tests call this instead of {@link #main}). Arguments in Glue's style
     * ({@code --JOB_NAME ... --verb run --job cwlogs --date ...}) are translated by {@link GlueArguments} first.
     */
    public static int execute(String... args) {
        if (GlueArguments.isGlueStyle(args)) {
            try {
                GlueArguments glue = GlueArguments.parse(args);
                System.err.println("tidemark: " + glue.describe());
                args = glue.commandLine().toArray(String[]::new);
            } catch (io.tidemark.config.ConfigException e) {
                System.err.println(e.getMessage());
                ResultCommand.printResultLine(System.out,
                        RunResult.failed("tidemark", null, null, ErrorCode.BAD_CONFIG, e.getMessage(), 0));
                return ErrorCode.BAD_CONFIG.exitCode();
            }
        }
        CommandLine cli = new CommandLine(new TidemarkCli());
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(ex.getMessage());
            failed.usage(failed.getErr());
            String verb = failed.getCommandName();
            ResultCommand.printResultLine(System.out,
                    RunResult.failed(verb, null, null, ErrorCode.BAD_CONFIG, ex.getMessage(), 0));
            return ErrorCode.BAD_CONFIG.exitCode();
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        ResultCommand.printResultLine(System.out,
                RunResult.failed("tidemark", null, null, ErrorCode.BAD_CONFIG,
                        "Missing verb: demo, run, backfill, load, sql, report, compact, gc, spectrum-ddl or bench", 0));
        return ErrorCode.BAD_CONFIG.exitCode();
    }
}
