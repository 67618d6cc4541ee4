package io.tidemark.cli;

import io.tidemark.bench.LoadBenchmark;
import io.tidemark.bench.RerunBenchmark;
import io.tidemark.bench.RerunTiming;
import io.tidemark.config.ConfigException;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.QualityOutcome;
import io.tidemark.ops.RunResult;
import io.tidemark.ops.RunStatus;
import io.tidemark.warehouse.EmbeddedWarehouse;
import io.tidemark.warehouse.SqlDialect;
import io.tidemark.warehouse.WarehouseDdl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tidemark bench load|rerun}: timed comparisons that do not belong in tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Load.class, BenchCommand.Rerun.class},
        description = "Benchmarks (timed, not tests). Subcommands: load, rerun.")
final class BenchCommand extends ResultCommand {
    @Override
    protected RunResult execute() {
        throw new ConfigException("Missing benchmark: tidemark bench load [--rows N] [--repeat N] | rerun [--days N] [--scale K]");
    }

    @Override
    protected String jobName() {
        return "bench";
    }

    /**
     * {@code tidemark bench load [--rows 1000000] [--repeat 2]}: Tidemark's load path against Spark's
     * {@code write().jdbc()} on the same cached rows into the embedded PostgreSQL of {@code <workdir>/bench}.
     */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Compare the warehouse load path (COPY FROM STDIN + delete/insert + audit) with Spark's write().jdbc().")
    static final class Load extends ResultCommand {
        @Option(names = "--rows", defaultValue = "1000000", description = "Fact rows to load (default: ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--repeat", defaultValue = "2", description = "Runs of each path; the best is reported (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        protected RunResult execute() throws Exception {
            long started = System.currentTimeMillis();
            PrintStream out = System.out;
            var benchDir = common.workdir().toAbsolutePath().normalize().resolve("bench");
            List<LoadBenchmark.Timing> timings = new ArrayList<>();
            try (TidemarkRuntime runtime = new TidemarkRuntime(benchDir, common.runtimeConfig());
                 EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(benchDir))) {
                try (Connection connection = warehouse.dataSource().getConnection()) {
                    new WarehouseDdl(SqlDialect.POSTGRES, "tidemark").apply(connection);
                }
                LoadBenchmark benchmark = new LoadBenchmark(runtime.spark(), warehouse);
                System.err.printf("tidemark: bench load: generating and caching %d fact_email_events rows%n", rows);
                Dataset<Row> data = benchmark.rows(rows);
                for (int i = 1; i <= repeat; i++) {
                    benchmark.reset();
                    timings.add(report(out, benchmark.tidemarkLoad(data, i)));
                    timings.add(report(out, benchmark.sparkJdbc(data)));
                }
                benchmark.reset();
            }
            out.println("Best of " + repeat + ":");
            timings.stream().map(LoadBenchmark.Timing::path).distinct().forEach(path -> timings.stream()
                    .filter(t -> t.path().equals(path)).max(Comparator.comparingDouble(LoadBenchmark.Timing::rowsPerSecond))
                    .ifPresent(best -> out.printf("  %-40s %,12.0f rows/s%n", path, best.rowsPerSecond())));
            return new RunResult(RunStatus.SUCCEEDED, "bench load", RunIds.next(Instant.ofEpochMilli(started)), null, List.of(),
                    rows, rows, 0, 0, QualityOutcome.NONE, System.currentTimeMillis() - started, null, Map.of(), 0, 0);
        }

        private static LoadBenchmark.Timing report(PrintStream out, LoadBenchmark.Timing timing) {
            out.printf("  %-40s %,10d rows in %,7d ms = %,12.0f rows/s%n", timing.path(), timing.rows(), timing.millis(),
                    timing.rowsPerSecond());
            return timing;
        }

        @Override
        protected String jobName() {
            return "bench load";
        }
    }

    /**
     * {@code tidemark bench rerun [--days N] [--scale K]}: times a no-new-data rerun of one window over a lake of N
     * days and of N x K days, in {@code <workdir>/bench-rerun} (recreated).
     */
    @Command(name = "rerun", mixinStandardHelpOptions = true,
            description = "Time a rerun that finds nothing new over a lake of N days and of N x K days "
                    + "(built through the real curate path in <workdir>/bench-rerun, deleted first) and print the times and their ratio.")
    static final class Rerun extends ResultCommand {
        @Option(names = "--days", defaultValue = "3", paramLabel = "N", description = "Days of lake at 1x (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--scale", defaultValue = "10", paramLabel = "K", description = "Growth factor of the lake (default: ${DEFAULT-VALUE}).")
        int scale;

        @Override
        protected RunResult execute() throws IOException {
            long started = System.currentTimeMillis();
            if (days < 1 || scale < 2 || days * scale > 60) {
                throw new ConfigException("Cannot run bench rerun with --days " + days + " --scale " + scale
                        + ": expected --days >= 1, --scale >= 2 and days x scale <= 60 (the run time grows with it)");
            }
            Path workdir = common.workdir().toAbsolutePath().normalize().resolve("bench-rerun");
            deleteRecursively(workdir);
            Path landing = workdir.resolve("landing");
            List<RerunTiming> timings;
            try (TidemarkRuntime runtime = new TidemarkRuntime(workdir,
                    common.runtimeConfig().withLandingRoot(landing.toUri().toString()))) {
                timings = new RerunBenchmark(runtime, System.err).run(landing, days, scale);
            }
            System.out.println("days | partitions | ledger files | ledger entries | rerun ms | discover ms | ledger ms");
            for (RerunTiming t : timings) {
                System.out.printf("%4d | %10d | %12d | %14d | %8.1f | %11.1f | %9.1f%n", t.days(), t.partitions(), t.ledgerFiles(),
                        t.ledgerEntries(), t.rerunMs(), t.discoverMs(), t.ledgerMs());
            }
            RerunTiming small = timings.get(0);
            RerunTiming large = timings.get(timings.size() - 1);
            System.out.printf("rerun time at %dx the lake: %.2fx (%.1f ms -> %.1f ms)%n", scale, large.rerunMs() / small.rerunMs(),
                    small.rerunMs(), large.rerunMs());
            return new RunResult(RunStatus.SUCCEEDED, "bench", RunIds.next(Instant.ofEpochMilli(started)), "rerun", List.of(),
                    0, 0, 0, 0, QualityOutcome.NONE, System.currentTimeMillis() - started, null, Map.of(), 0, 0);
        }

        private static void deleteRecursively(Path folder) throws IOException {
            if (!Files.exists(folder)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        @Override
        protected String jobName() {
            return "bench rerun";
        }
    }
}
