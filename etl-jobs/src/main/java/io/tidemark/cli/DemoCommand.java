package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.demo.DemoLanding;
import io.tidemark.jobs.JobRunner;
import io.tidemark.jobs.RunIds;
import io.tidemark.jobs.TidemarkRuntime;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.WindowDiscovery;
import io.tidemark.ops.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tidemark demo [--landing DIR]}: generate a realistic landing zone (or use one), run every job over every
 * window found in it, load the warehouse, and print a few BI query results.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a sample Firehose landing zone (or use --landing), run every job over every window in it, "
                + "load the embedded warehouse and print a small report. Works offline.")
final class DemoCommand extends ResultCommand {
    @Option(names = "--landing", paramLabel = "DIR",
            description = "An existing landing tree (cwlogs/YYYY/MM/DD/HH/...). Default: generate one in <workdir>/landing.")
    Path landing;

    private final List<RunResult> runs = new ArrayList<>();

    @Override
    protected RunResult execute() throws IOException {
        long started = System.currentTimeMillis();
        PrintStream out = System.out;
        Path workdir = common.workdir().toAbsolutePath().normalize();
        RuntimeConfig config = common.runtimeConfig();
        Path landingDir = landing != null ? landing.toAbsolutePath().normalize() : workdir.resolve("landing");
        if (landing != null && !Files.isDirectory(landingDir)) {
            throw new ConfigException("Cannot use --landing " + landing + ": no such directory");
        }
        if (landing == null) {
            prepareLanding(out, landingDir);
        } else {
            out.println("Using the landing zone in " + landingDir);
        }
        config = config.withLandingRoot(landingDir.toUri().toString());

        runs.clear();
        try (TidemarkRuntime runtime = new TidemarkRuntime(workdir, config)) {
            // the warehouse schema up front: a landing that feeds no warehouse model still gets its (empty) reports
            runtime.warehouse();
            JobRunner runner = new JobRunner(runtime, System.err);
            WindowDiscovery windows = new WindowDiscovery(runtime.spark().sparkContext().hadoopConfiguration());
            for (JobSpec spec : new JobSpecs().all()) {
                List<LandingWindow> found = windows.windows(runtime.config().landingRoot(), spec);
                out.printf("Job %s: %d landing windows under %s%n", spec.job(), found.size(), spec.landingPrefix());
                for (LandingWindow window : found) {
                    RunResult result = runner.run(spec, window, true);
                    runs.add(result);
                    out.printf("  %-14s %-9s objects=%-3d in=%-6d out=%-6d duplicate=%-5d quarantined=%-3d %s%n",
                            window, result.status(), result.objects(), result.rowsIn(), result.rowsOut(),
                            result.rowsDuplicate(), result.rowsQuarantined(),
                            result.quarantinedByReason().isEmpty() ? "" : result.quarantinedByReason());
                }
            }
            new DemoReport(new QueryRunner(runtime), out).print();
            out.println();
            out.println("The lake, catalog and warehouse stay in " + workdir + ". Try:");
            out.println("  ./tidemark sql \"SELECT * FROM v_flow_rejects_daily ORDER BY flows DESC LIMIT 5\"");
            out.println("  ./tidemark sql --lake \"SELECT log_group, count(*) FROM app_logs GROUP BY log_group\"");
            out.println("  ./tidemark sql --lake \"SELECT reason_code, source_object, detail FROM quarantine.cwlogs\"");
        }
        return RunResult.combine("demo", RunIds.next(Instant.ofEpochMilli(started)), null, runs,
                System.currentTimeMillis() - started);
    }

    private static void prepareLanding(PrintStream out, Path landingDir) throws IOException {
        List<String> generated = DemoLanding.generate(landingDir);
        if (generated.isEmpty()) {
            out.println("Reusing the sample landing zone in " + landingDir + " (delete it to generate a fresh one)");
            return;
        }
        out.println("Generated a sample landing zone in " + landingDir + ":");
        generated.forEach(line -> out.println("  " + line));
    }

    @Override
    protected List<RunResult> windowResults() {
        return List.copyOf(runs);
    }

    @Override
    protected String jobName() {
        return "demo";
    }
}
