package io.tidemark.cli;

import io.tidemark.ops.ErrorCode;
import io.tidemark.ops.RunResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code ./tidemark VERB ...} locally, and the main class under spark-submit. */
@Command(name = "tidemark", mixinStandardHelpOptions = true, version = "tidemark 0.1.0",
        description = "Batch ETL from Firehose landings to a Parquet lake, the catalog and the warehouse.",
        subcommands = {DemoCommand.class, RunCommand.class, LoadCommand.class, SqlCommand.class, BenchCommand.class})
public final class TidemarkCli implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
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
                RunResult.failed("tidemark", null, null, ErrorCode.BAD_CONFIG, "Missing verb: demo, run, load or sql", 0));
        return ErrorCode.BAD_CONFIG.exitCode();
    }
}
