package io.tidemark.cli;

import io.tidemark.bench.CurateBenchmark;
import io.tidemark.bench.LoadBenchmark;
import io.tidemark.bench.RerunBenchmark;
import io.tidemark.bench.RerunTiming;
import io.tidemark.config.ConfigException;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.RunResult;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tidemark bench [curate|load|rerun]}: timed comparisons that do not belong in tests. Without a subcommand,
 * all three in turn with their defaults, in one result line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Curate.class, BenchCommand.Load.class, BenchCommand.Rerun.class},
        description = "Benchmarks (timed, not tests). Subcommands: curate, load, rerun; all three when none is given.")
final class BenchCommand extends ResultCommand {
    @Option(names = "--events", defaultValue = "2000000", description = "Flow-log events of the curate workload (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--rows", defaultValue = "1000000", description = "Fact rows of the load benchmark (default: ${DEFAULT-VALUE}).")
    long rows;

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @Override
    protected RunResult execute() throws Exception {
        long started = System.currentTimeMillis();
        fields.putAll(Curate.bench(common, events, System.out));
        fields.putAll(Load.bench(common, rows, 2, System.out));
        fields.putAll(Rerun.bench(common, 3, 10, System.out));
        return benchResult("all", started, (Long) fields.get("rows"));
    }

    @Override
    protected Map<String, Object> resultFields() {
        return fields;
    }

    @Override
    protected String jobName() {
        return "bench";
    }

    static RunResult benchResult(String window, long started, long rows) {
        return RunResult.succeeded("bench", RunIds.next(Instant.ofEpochMilli(started)), window).rowsIn(rows).rowsOut(rows)
                .durationMs(System.currentTimeMillis() - started).build();
    }

    /**
     * {@code tidemark bench curate [--events 2000000]}: the idiomatic Spark job and Tidemark's curate on the same
     * generated flow-log events, in {@code <workdir>/bench-curate} (recreated).
     */
    @Command(name = "curate", mixinStandardHelpOptions = true,
            description = "Compare Tidemark's curate (raw Firehose objects to published Parquet) with the idiomatic Spark job "
                    + "(read.json, explode, split, dropDuplicates, partitioned Parquet) on a newline-delimited copy of the same events.")
    static final class Curate extends ResultCommand {
        @Option(names = "--events", defaultValue = "2000000", description = "Flow-log events to generate (default: ${DEFAULT-VALUE}).")
        long events;

        private final Map<String, Object> fields = new LinkedHashMap<>();

        @Override
        protected RunResult execute() throws Exception {
            long started = System.currentTimeMillis();
            fields.putAll(bench(common, events, System.out));
            return benchResult("curate", started, events);
        }

        static Map<String, Object> bench(CommonOptions common, long events, PrintStream out) throws Exception {
            if (events < 1) {
                throw new ConfigException("Cannot run bench curate with --events " + events + ": expected at least 1");
            }
            Path benchDir = common.workdir().toAbsolutePath().normalize().resolve("bench-curate");
            Rerun.deleteRecursively(benchDir);
            CurateBenchmark.Comparison comparison;
            try (TidemarkRuntime runtime = new TidemarkRuntime(benchDir,
                    common.runtimeConfig().withLandingRoot(benchDir.resolve("landing").toUri().toString()))) {
                comparison = new CurateBenchmark(runtime, System.err).run(benchDir, events);
            }
            out.printf("%-40s | %9s | %9s | %7s | %9s | %9s | %7s | %12s | %5s | %10s | %10s | %10s | %10s%n", "path", "rows",
                    "rows lost", "s", "rows/s", "JSON MB/s", "CPU s", "peak heap MB", "files", "MB written", "spilled MB", "shuffle MB",
                    "Spark jobs");
            for (CurateBenchmark.PathFigures path : List.of(comparison.baseline(), comparison.tidemark())) {
                io.tidemark.bench.PhaseMeter.Cost cost = path.cost();
                out.printf("%-40s | %,9d | %,9d | %7.1f | %,9.0f | %9.1f | %7.1f | %,12d | %5d | %10.1f | %10.1f | %10.1f | %10d%n",
                        path.path(), path.rows(), path.rowsLost(), cost.millis() / 1000.0, path.rowsPerSecond(),
                        path.jsonMegabytesPerSecond(), cost.cpuSeconds(), cost.peakHeapBytes() >> 20, path.files(),
                        path.bytesWritten() / 1e6, cost.spilledBytes() / 1e6, cost.shuffleBytes() / 1e6, cost.sparkJobs());
            }
            out.printf("tidemark curate vs the idiomatic job: %.2fx the rows/s, %.2fx the CPU seconds%n",
                    comparison.curateVsBaseline(), comparison.tidemark().cost().cpuSeconds() / Math.max(1e-9, comparison.baseline().cost().cpuSeconds()));
            CurateBenchmark.PathFigures tidemark = comparison.tidemark();
            CurateBenchmark.PathFigures baseline = comparison.baseline();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("rows", events);
            fields.put("objects", comparison.workload().objects());
            fields.put("curate_rows_per_s", Math.round(tidemark.rowsPerSecond()));
            fields.put("baseline_rows_per_s", Math.round(baseline.rowsPerSecond()));
            fields.put("curate_vs_baseline", round2(comparison.curateVsBaseline()));
            fields.put("rows_lost", tidemark.rowsLost());
            fields.put("baseline_rows_lost", baseline.rowsLost());
            fields.put("curate_cpu_s", round2(tidemark.cost().cpuSeconds()));
            fields.put("baseline_cpu_s", round2(baseline.cost().cpuSeconds()));
            fields.put("curate_files", tidemark.files());
            fields.put("curate_spilled_mb", round2(tidemark.cost().spilledBytes() / 1e6));
            fields.put("curate_shuffle_mb", round2(tidemark.cost().shuffleBytes() / 1e6));
            fields.put("curate_spark_jobs", tidemark.cost().sparkJobs());
            fields.put("baseline_spark_jobs", baseline.cost().sparkJobs());
            fields.put("peak_heap_mb", tidemark.cost().peakHeapBytes() >> 20);
            fields.put("baseline_peak_heap_mb", baseline.cost().peakHeapBytes() >> 20);
            return fields;
        }

        @Override
        protected Map<String, Object> resultFields() {
            return fields;
        }

        @Override
        protected String jobName() {
            return "bench curate";
        }
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

        private final Map<String, Object> fields = new LinkedHashMap<>();

        @Override
        protected RunResult execute() throws Exception {
            long started = System.currentTimeMillis();
            fields.putAll(bench(common, rows, repeat, System.out));
            return benchResult("load", started, rows);
        }

        @Override
        protected Map<String, Object> resultFields() {
            return fields;
        }

        static Map<String, Object> bench(CommonOptions common, long rows, int repeat, PrintStream out) throws Exception {
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
                    timings.add(report(out, benchmark.rawCopy(data)));
                }
                benchmark.reset();
            }
            out.println("Best of " + repeat + ":");
            Map<String, Double> best = new LinkedHashMap<>();
            timings.stream().map(LoadBenchmark.Timing::path).distinct().forEach(path -> timings.stream()
                    .filter(t -> t.path().equals(path)).max(Comparator.comparingDouble(LoadBenchmark.Timing::rowsPerSecond))
                    .ifPresent(timing -> best.put(path, timing.rowsPerSecond())));
            best.forEach((path, rowsPerSecond) -> out.printf("  %-40s %,12.0f rows/s%n", path, rowsPerSecond));
            double load = best.get(LoadBenchmark.TIDEMARK);
            double jdbc = best.get(LoadBenchmark.SPARK_JDBC);
            double copy = best.get(LoadBenchmark.RAW_COPY);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("load_rows", rows);
            fields.put("load_rows_per_s", Math.round(load));
            fields.put("spark_jdbc_rows_per_s", Math.round(jdbc));
            fields.put("load_vs_spark_jdbc", round2(load / jdbc));
            fields.put("copy_rows_per_s", Math.round(copy));
            fields.put("load_vs_copy", round2(load / copy));
            return fields;
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

        private final Map<String, Object> fields = new LinkedHashMap<>();

        @Override
        protected RunResult execute() throws IOException {
            long started = System.currentTimeMillis();
            fields.putAll(bench(common, days, scale, System.out));
            return RunResult.succeeded("bench", RunIds.next(Instant.ofEpochMilli(started)), "rerun")
                    .durationMs(System.currentTimeMillis() - started).build();
        }

        @Override
        protected Map<String, Object> resultFields() {
            return fields;
        }

        static Map<String, Object> bench(CommonOptions common, int days, int scale, PrintStream out) throws IOException {
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
            out.println("days | partitions | ledger files | ledger entries | rerun ms | discover ms | ledger ms");
            for (RerunTiming t : timings) {
                out.printf("%4d | %10d | %12d | %14d | %8.1f | %11.1f | %9.1f%n", t.days(), t.partitions(), t.ledgerFiles(),
                        t.ledgerEntries(), t.rerunMs(), t.discoverMs(), t.ledgerMs());
            }
            RerunTiming small = timings.get(0);
            RerunTiming large = timings.get(timings.size() - 1);
            out.printf("rerun time at %dx the lake: %.2fx (%.1f ms -> %.1f ms)%n", scale, large.rerunMs() / small.rerunMs(),
                    small.rerunMs(), large.rerunMs());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("rerun_ms", round2(small.rerunMs()));
            fields.put("rerun_ms_at_scale", round2(large.rerunMs()));
            fields.put("rerun_growth", round2(large.rerunMs() / small.rerunMs()));
            return fields;
        }

        static void deleteRecursively(Path folder) throws IOException {
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

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
