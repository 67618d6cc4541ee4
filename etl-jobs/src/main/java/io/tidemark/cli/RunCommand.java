package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.LandingLayout;
import io.tidemark.jobs.JobRunner;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark run JOB --date yyyy-MM-dd [--hour HH]}: one job, one landing window. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one job over one landing window (an arrival day, or one hour of it), then load its warehouse models.")
final class RunCommand extends ResultCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job name: a spec in orchestration/jobs/ (e.g. cwlogs).")
    String job;

    @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "Arrival date of the window (in the stream's time zone: UTC unless the spec sets customTimeZone).")
    LocalDate date;

    @Option(names = "--hour", paramLabel = "HH", description = "Arrival hour of the window (0-23); default: the whole day.")
    Integer hour;

    @Option(names = "--skip-load", description = "Curate the lake only; do not load the warehouse.")
    boolean skipLoad;

    @Override
    protected RunResult execute() {
        JobSpec spec = new JobSpecs().get(job);
        LandingWindow window = window();
        if (hour != null && spec.landingLayout() == LandingLayout.FIREHOSE) {
            spec.requireArrivalHours("--hour");
        }
        JobRunner.validate(spec);
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            return new JobRunner(runtime, System.err).run(spec, window, !skipLoad);
        }
    }

    private LandingWindow window() {
        if (hour != null && (hour < 0 || hour > 23)) {
            throw new ConfigException("Cannot use --hour " + hour + ": expected an hour from 0 to 23");
        }
        return hour == null ? LandingWindow.day(date) : LandingWindow.hour(date, hour);
    }

    @Override
    protected String jobName() {
        return job;
    }

    @Override
    protected String windowLabel() {
        try {
            return date == null ? null : window().label();
        } catch (ConfigException e) {
            return null;
        }
    }
}
