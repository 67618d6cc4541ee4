package io.tidemark.bench;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.demo.FlowLogBenchLandingGenerator;
import io.tidemark.jobs.JobRunner;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * {@code tidemark bench curate}: the same generated flow-log events through the idiomatic Spark job (on a
 * newline-delimited copy of the envelopes) and through Tidemark's curate of job {@code cwlogs} (the raw Firehose
 * objects, the path of {@code tidemark run cwlogs --date D --skip-load}), one after the other in this JVM, each
 * measured by a {@link PhaseMeter}. Rows lost are the generated events missing from each output.
 */
public final class CurateBenchmark {
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final long SEED = 20261124L;
    private static final String DATASET = "vpc_flow_logs";

    private final TidemarkRuntime runtime;
    private final PrintStream progress;

    /** One path's figures. */
    public record PathFigures(String path, long rows, long rowsLost, PhaseMeter.Cost cost, long files, long bytesWritten,
                              long jsonBytes) {
        public double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, cost.millis());
        }

        public double jsonMegabytesPerSecond() {
            return jsonBytes / 1e6 * 1000.0 / Math.max(1, cost.millis());
        }
    }

    /** Both paths on one workload. */
    public record Comparison(FlowLogBenchLandingGenerator.Workload workload, PathFigures baseline, PathFigures tidemark,
                             RunResult tidemarkResult) {
        public double curateVsBaseline() {
            return tidemark.rowsPerSecond() / Math.max(1e-9, baseline.rowsPerSecond());
        }
    }

    /** @param runtime a runtime whose landing root is {@code <benchDir>/landing} */
    public CurateBenchmark(TidemarkRuntime runtime, PrintStream progress) {
        this.runtime = runtime;
        this.progress = progress;
    }

    public Comparison run(Path benchDir, long events) throws Exception {
        Path landing = benchDir.resolve("landing");
        Path ndjson = benchDir.resolve("ndjson");
        progress.printf("tidemark: bench curate: generating %,d flow-log events%n", events);
        FlowLogBenchLandingGenerator.Workload workload = new FlowLogBenchLandingGenerator(events, DAY, SEED).generate(landing, ndjson);
        progress.printf("tidemark: bench curate: %d objects, %,d envelopes, %,d bytes landed, %,d bytes of JSON%n",
                workload.objects(), workload.envelopes(), workload.landingBytes(), workload.jsonBytes());
        PhaseMeter meter = new PhaseMeter(runtime.spark().sparkContext());
        // the metastore is created on first use: not part of either path's figures
        runtime.catalog().tableExists(new TableRef(runtime.config().catalog().curatedDatabase(), DATASET));

        Path baselineOut = benchDir.resolve("baseline-out");
        progress.println("tidemark: bench curate: the idiomatic Spark job");
        PhaseMeter.Measured<Long> baseline = meter.measure(
                () -> new IdiomaticCurateJob(runtime.spark()).run(ndjson.toUri().toString(), baselineOut.toUri().toString()));
        long baselineRows = baseline.value();

        progress.println("tidemark: bench curate: tidemark run cwlogs --skip-load");
        JobSpec spec = new JobSpecs().get("cwlogs");
        PhaseMeter.Measured<RunResult> tidemark = meter.measure(
                () -> new JobRunner(runtime, progress).run(spec, LandingWindow.day(DAY), false));
        TableRef table = new TableRef(runtime.config().catalog().curatedDatabase(), DATASET);
        long tidemarkRows = runtime.catalog().tableExists(table) ? runtime.spark().table(table.quoted()).count() : 0;
        Path tableRoot = Path.of(URI.create(new LakeLayout(runtime.config().lakeRoot()).tableRoot(LakeArea.CURATED, DATASET)));

        return new Comparison(workload,
                new PathFigures("idiomatic Spark job (NDJSON copy)", baselineRows, events - baselineRows, baseline.cost(),
                        parquetFiles(baselineOut), parquetBytes(baselineOut), workload.jsonBytes()),
                new PathFigures("tidemark curate (raw Firehose objects)", tidemarkRows, events - tidemarkRows, tidemark.cost(),
                        parquetFiles(tableRoot), parquetBytes(tableRoot), workload.jsonBytes()),
                tidemark.value());
    }

    private static long parquetFiles(Path folder) {
        try (Stream<Path> files = parquet(folder)) {
            return files.count();
        }
    }

    private static long parquetBytes(Path folder) {
        try (Stream<Path> files = parquet(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static Stream<Path> parquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try {
            return Files.walk(folder).filter(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
