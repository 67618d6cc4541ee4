package io.tidemark.cli;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.jobs.CompactJob;
import io.tidemark.jobs.CompactOutcome;
import io.tidemark.jobs.PartitionCompaction;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.RunResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark compact JOB --date yyyy-MM-dd [--dataset D]}: rewrite a day's badly sized partitions. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite the day's partitions of the job's curated datasets that hold many small files into files of "
                + "about the dataset's target size (schemas/<dataset>.json targetFileMB), through write, quality gate and "
                + "catalog publish. Well sized partitions are left alone. Files before/after go to stderr.")
final class CompactCommand extends ResultCommand {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job name: a spec in orchestration/jobs/ (e.g. cwlogs).")
    String job;

    @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "Event date (dt) of the partitions.")
    LocalDate date;

    @Option(names = "--dataset", paramLabel = "D", description = "Only this curated dataset of the job (default: all of them).")
    String dataset;

    @Override
    protected RunResult execute() {
        long started = System.currentTimeMillis();
        JobSpec spec = new JobSpecs().get(job);
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            CompactOutcome outcome = new CompactJob(runtime.spark(), runtime.config(), runtime.catalog(), runtime.tableLocks())
                    .run(spec, date, Optional.ofNullable(dataset), System.err);
            List<PartitionCompaction> rewritten = outcome.rewritten();
            System.err.printf("tidemark: compact %s %s: %d of %d partitions rewritten, files %d -> %d%n", job, date,
                    rewritten.size(), outcome.partitions().size(),
                    rewritten.stream().mapToInt(PartitionCompaction::filesBefore).sum(),
                    rewritten.stream().mapToInt(PartitionCompaction::filesAfter).sum());
            return outcome.toRunResult(System.currentTimeMillis() - started);
        }
    }

    @Override
    protected String jobName() {
        return job;
    }

    @Override
    protected String windowLabel() {
        return date == null ? null : date.toString();
    }
}
