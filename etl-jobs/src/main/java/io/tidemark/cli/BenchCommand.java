package io.tidemark.cli;

import io.tidemark.bench.RerunBenchmark;
import io.tidemark.bench.RerunTiming;
import io.tidemark.config.ConfigException;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.ops.QualityOutcome;
import io.tidemark.ops.RunResult;
import io.tidemark.ops.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tidemark bench rerun [--days N] [--scale K]}: benchmarks, not tests. {@code rerun} times a no-new-data
 * rerun of one window over a lake of N days and of N x K days, in {@code <workdir>/bench-rerun} (recreated).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. 'rerun': time a rerun that finds nothing new over a lake of N days and of N x K days "
                + "(built through the real curate path in <workdir>/bench-rerun, deleted first) and print the times and their ratio.")
final class BenchCommand extends ResultCommand {
    /** The benchmarks there are. */
    enum Benchmark { rerun }

    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "Which benchmark: ${COMPLETION-CANDIDATES}.")
    Benchmark benchmark;

    @Option(names = "--days", defaultValue = "3", paramLabel = "N", description = "Days of lake at 1x (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--scale", defaultValue = "10", paramLabel = "K", description = "Growth factor of the lake (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    protected RunResult execute() throws IOException {
        long started = System.currentTimeMillis();
        if (days < 1 || scale < 2 || days * scale > 60) {
            throw new ConfigException("Cannot run bench " + benchmark + " with --days " + days + " --scale " + scale
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
        return new RunResult(RunStatus.SUCCEEDED, "bench", RunIds.next(Instant.ofEpochMilli(started)), benchmark.name(), List.of(),
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
        return "bench";
    }
}
