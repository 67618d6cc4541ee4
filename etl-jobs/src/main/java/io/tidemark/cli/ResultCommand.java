package io.tidemark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.config.ConfigException;
import io.tidemark.jobs.CurateJob;
import io.tidemark.ErrorCode;
import io.tidemark.ops.RunError;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.TidemarkException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A verb that ends by printing the JSON result line as the last line on stdout and returning the exit code of
 * DESIGN.md: 0 success or nothing to do, 2 bad usage/config, 3 quality gate failed, 4 input unreadable, 1 else.
 */
abstract class ResultCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CommonOptions common;

    /** Does the work; returns the result line to print. */
    protected abstract RunResult execute() throws Exception;

    /** Names the run in a failure's result line. */
    protected abstract String jobName();

    protected String windowLabel() {
        return null;
    }

    /** Per-window results of a command that covered several windows (demo, backfill), for its run record. */
    protected List<RunResult> windowResults() {
        return List.of();
    }

    /** Fields a verb adds to its result line after the contract's (the benchmarks' figures); none by default. */
    protected Map<String, Object> resultFields() {
        return Map.of();
    }

    /** Whether the run leaves a record in the lake's {@code _tidemark/runs/} (queries and reports do not). */
    protected boolean recordsRun() {
        return true;
    }

    @Override
    public final Integer call() {
        long started = System.currentTimeMillis();
        RunResult result;
        try {
            result = execute();
        } catch (Exception e) {
            result = failureOf(e, jobName(), windowLabel(), started);
        } catch (OutOfMemoryError e) {
            result = outOfMemory(e, jobName(), windowLabel(), started);
        }
        if (recordsRun()) {
            RunRecorder.record(common, commandName(), result, windowResults(), System.err);
        }
        printResultLine(System.out, result, resultFields());
        return exitCode(result);
    }

    private String commandName() {
        picocli.CommandLine.Command command = getClass().getAnnotation(picocli.CommandLine.Command.class);
        return command == null ? jobName() : command.name();
    }

    /** The result line of a failed run: the error code and message that fit the exception. */
    static RunResult failureOf(Exception exception, String job, String window, long started) {
        long duration = System.currentTimeMillis() - started;
        if (exception instanceof ConfigException e) {
            return RunResult.failed(job, null, window, ErrorCode.BAD_CONFIG, e.getMessage(), duration);
        }
        if (exception instanceof CurateJob.QualityGateException e) {
            RunResult failed = RunResult.failed(job, null, window, ErrorCode.QUALITY_GATE_FAILED, e.getMessage(), duration);
            return failed.toBuilder().quality(e.quality()).build();
        }
        if (exception instanceof TidemarkException e) {
            if (e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.WAREHOUSE_FAILED) {
                e.printStackTrace(System.err);
            }
            return RunResult.failed(job, null, window, e.code(), e.getMessage(), duration);
        }
        if (OutOfMemory.causes(exception)) {
            return outOfMemory(exception, job, window, started);
        }
        exception.printStackTrace(System.err);
        return RunResult.failed(job, null, window, ErrorCode.INTERNAL,
                exception.getClass().getSimpleName() + ": " + exception.getMessage(), duration);
    }

    /** A run that ran out of memory, in the driver or in a Spark task: exit code 1, the cause and what to change. */
    static RunResult outOfMemory(Throwable error, String job, String window, long started) {
        error.printStackTrace(System.err);
        return RunResult.failed(job, null, window, ErrorCode.INTERNAL, OutOfMemory.message(),
                System.currentTimeMillis() - started);
    }

    static void printResultLine(PrintStream out, RunResult result) {
        printResultLine(out, result, Map.of());
    }

    static void printResultLine(PrintStream out, RunResult result, Map<String, Object> extraFields) {
        try {
            ObjectNode line = JSON.valueToTree(result);
            extraFields.forEach((name, value) -> line.set(name, JSON.valueToTree(value)));
            out.println(JSON.writeValueAsString(line));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result line", e);
        }
    }

    static int exitCode(RunResult result) {
        if (result.status() != RunStatus.FAILED) {
            return 0;
        }
        RunError error = result.error();
        if (error == null) {
            return 1;
        }
        return error.code().exitCode();
    }
}
