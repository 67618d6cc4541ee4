package io.tidemark.cli;

import io.tidemark.catalog.TableLocks;
import io.tidemark.catalog.TableRef;
import io.tidemark.config.ConfigException;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.jobs.VersionGc;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.ops.RunResult;
import io.tidemark.sources.QuarantineRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark gc JOB|--all [--retention-hours H]}: delete partition versions the catalog no longer references. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Delete old partition versions of a job's tables (or of every job's): folders the catalog no longer "
                + "references, once they have been unreferenced for the retention period. Run it after the nightly run.")
final class GcCommand extends ResultCommand {
    /** Default retention: long enough for any query planned on an old version to finish, and for a weekend. */
    static final long DEFAULT_RETENTION_HOURS = 72;

    @ArgGroup(multiplicity = "1")
    Scope scope;

    @Option(names = "--retention-hours", paramLabel = "H", defaultValue = "" + DEFAULT_RETENTION_HOURS,
            description = "How long a version stays after it was first seen unreferenced (default: ${DEFAULT-VALUE}).")
    long retentionHours;

    static final class Scope {
        @Parameters(index = "0", paramLabel = "JOB", description = "Job whose tables to collect (e.g. cwlogs).")
        String job;

        @Option(names = "--all", description = "Collect the tables of every job.")
        boolean all;
    }

    @Override
    protected RunResult execute() {
        long started = System.currentTimeMillis();
        if (retentionHours < 0) {
            throw new ConfigException("Cannot use --retention-hours " + retentionHours + ": expected 0 or more");
        }
        List<JobSpec> specs = scope.all ? new JobSpecs().all() : List.of(new JobSpecs().get(scope.job));
        try (TidemarkRuntime runtime = new TidemarkRuntime(common.workdir(), common.runtimeConfig())) {
            Map<String, VersionGc.Table> tables = new LinkedHashMap<>();
            for (JobSpec spec : specs) {
                for (String dataset : spec.datasets()) {
                    TableRef table = new TableRef(runtime.config().catalog().curatedDatabase(), dataset);
                    tables.putIfAbsent(table.toString(), new VersionGc.Table(table, LakeArea.CURATED,
                            DatasetSchemas.get(dataset).partitioning().size()));
                }
                TableRef quarantine = new TableRef(runtime.config().catalog().quarantineDatabase(), spec.job());
                tables.putIfAbsent(quarantine.toString(), new VersionGc.Table(quarantine, LakeArea.QUARANTINE,
                        DatasetSchemas.get(QuarantineRows.SCHEMA).partitioning().size()));
            }
            VersionGc gc = new VersionGc(runtime.spark().sparkContext().hadoopConfiguration(), runtime.catalog(),
                    new LakeLayout(runtime.config().lakeRoot()), Duration.ofHours(retentionHours), Clock.systemUTC());
            String runId = RunIds.next(Instant.ofEpochMilli(started));
            List<String> deleted = new ArrayList<>();
            int waiting = 0;
            for (VersionGc.Table table : tables.values()) {
                // under the table's lease: a run's version written but not yet published is never collected
                try (TableLocks.Held held = runtime.tableLocks().acquire(List.of(table.table()), runId)) {
                    VersionGc.Result collected = gc.collect(List.of(table));
                    deleted.addAll(collected.deleted());
                    waiting += collected.waiting();
                }
            }
            VersionGc.Result result = new VersionGc.Result(deleted, waiting);
            System.err.printf("tidemark: gc %s: %d tables, %d old partition versions deleted, %d unreferenced kept until their "
                    + "retention (%d h) ends%n", jobName(), tables.size(), result.deleted().size(), result.waiting(), retentionHours);
            // the result line's partitions list the deleted partition versions
            return RunResult.succeeded(jobName(), runId, null).partitionLabels(result.deleted())
                    .durationMs(System.currentTimeMillis() - started).build();
        }
    }

    @Override
    protected String jobName() {
        return scope == null || scope.all ? "all" : scope.job;
    }
}
