package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.jobs.QuarantineReplay;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.landing.ReasonCode;
import io.tidemark.ops.RunResult;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark replay JOB --reason REASON [--from D --to D]}: quarantined records back through the curate path. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-ingest a job's quarantined records of one reason whose cause was fixed (TOO_LATE after raising"
                + " lateArrivalHorizonDays, QUALITY_RULE after relaxing a ruleset); each is stored once however often replay runs;"
                + " records that still fail stay quarantined.")
final class ReplayCommand extends ResultCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job name: a spec in orchestration/jobs/ (e.g. clickstream).")
    String job;

    @Option(names = "--reason", required = true, paramLabel = "REASON", description = "Reason code to replay: TOO_LATE or QUALITY_RULE.")
    String reason;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First quarantine date (the landing window's date the record was quarantined in); default: the first.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last quarantine date, inclusive; default: the last.")
    LocalDate to;

    @Override
    protected RunResult execute() {
        ReasonCode code = QuarantineReplay.requireReplayable(reason);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ConfigException("Cannot replay from " + from + " to " + to + ": --from is after --to");
        }
        JobSpec spec = new JobSpecs().get(job);
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            return new QuarantineReplay(runtime.spark(), runtime.config(), runtime.catalog(), System.err)
                    .replay(spec, code, Optional.ofNullable(from), Optional.ofNullable(to));
        }
    }

    @Override
    protected String jobName() {
        return job;
    }
}
