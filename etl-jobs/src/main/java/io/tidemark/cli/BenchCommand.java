package io.tidemark.cli;

import io.tidemark.bench.LoadBenchmark;
import io.tidemark.config.ConfigException;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.QualityOutcome;
import io.tidemark.ops.RunResult;
import io.tidemark.ops.RunStatus;
import io.tidemark.warehouse.EmbeddedWarehouse;
import io.tidemark.warehouse.WarehouseDdl;
import io.tidemark.warehouse.SqlDialect;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tidemark bench load}: timed comparisons that do not belong in tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Load.class,
        description = "Benchmarks (timed, not tests). Subcommands: load.")
final class BenchCommand extends ResultCommand {
    @Override
    protected RunResult execute() {
        throw new ConfigException("Missing benchmark: tidemark bench load [--rows N] [--repeat N]");
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
}
