package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.jobs.Backfill;
import io.tidemark.jobs.BackfillOutcome;
import io.tidemark.jobs.BackfillRange;
import io.tidemark.jobs.JobRunner;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.RunResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tidemark backfill JOB --from yyyy-MM-dd --to yyyy-MM-dd [--hourly] [--parallel N] [--skip-load]}: one job
 * over every window of a date range, resumable, with progress on stderr.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Run one job over every arrival day (or hour) of a date range, N windows at a time, with progress on "
                + "stderr. Rerunning the same command after a kill or a failure runs only the windows not finished yet.")
final class BackfillCommand extends ResultCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job name: a spec in orchestration/jobs/ (e.g. cwlogs).")
    String job;

    @Option(names = "--from", required = true, paramLabel = "yyyy-MM-dd", description = "First arrival date (UTC), included.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "yyyy-MM-dd", description = "Last arrival date (UTC), included.")
    LocalDate to;

    @Option(names = "--hourly", description = "One window per arrival hour instead of one per day (Firehose layouts only).")
    boolean hourly;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Windows run at the same time in one Spark session (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--skip-load", description = "Curate the lake only; do not load the warehouse.")
    boolean skipLoad;

    @Option(names = "--restart", description = "Forget what an earlier attempt of this range finished and run every window.")
    boolean restart;

    @Override
    protected RunResult execute() {
        long started = System.currentTimeMillis();
        JobSpec spec = new JobSpecs().get(job);
        BackfillRange range = new BackfillRange(from, to, hourly);
        if (parallel < 1 || parallel > 64) {
            throw new ConfigException("Cannot use --parallel " + parallel + ": expected 1 to 64 windows at a time");
        }
        if (hourly) {
            spec.requireArrivalHours("--hourly");
        }
        JobRunner.validate(spec);
        RuntimeConfig config = common.runtimeConfig();
        if (parallel > 1) {
            config = config.withSparkSetting("spark.scheduler.mode", "FAIR");
        }
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), config)) {
            BackfillOutcome outcome = new Backfill(runtime, new JobRunner(runtime, System.err), System.err)
                    .run(spec, range, parallel, !skipLoad, restart);
            List<RunResult> results = new ArrayList<>(outcome.results());
            if (outcome.failure() != null) {
                results.add(failureOf(outcome.failure(), job, range.label(), started));
            }
            return RunResult.combine(job, RunIds.next(Instant.ofEpochMilli(started)), range.label(), results,
                    System.currentTimeMillis() - started);
        }
    }

    @Override
    protected String jobName() {
        return job;
    }

    @Override
    protected String windowLabel() {
        return from == null || to == null ? null : from + ".." + to;
    }
}
