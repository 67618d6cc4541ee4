package io.tidemark.cli;

import io.tidemark.config.ConfigException;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.ops.RunRecord;
import io.tidemark.ops.RunRecordStore;
import io.tidemark.ops.RunReportPage;
import io.tidemark.ops.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tidemark report [--last N] [--out FILE]}: an HTML page of the last runs recorded in the lake. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the last runs recorded in the lake (_tidemark/runs/) as a self-contained HTML page with charts: "
                + "rows per window, quarantine reasons, durations, quality checks.")
final class ReportCommand extends ResultCommand {
    @Option(names = "--last", defaultValue = "50", paramLabel = "N", description = "How many runs, newest last (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: <workdir>/report.html).")
    Path out;

    @Override
    protected RunResult execute() throws IOException {
        long started = System.currentTimeMillis();
        if (last < 1) {
            throw new ConfigException("Cannot use --last " + last + ": expected 1 or more");
        }
        Path workdir = common.workdir().toAbsolutePath().normalize();
        RuntimeConfig config = common.runtimeConfig().resolveAgainst(workdir);
        List<RunRecord> runs = RunRecordStore.forLake(config.lakeRoot(), config.spark().conf()).last(last, System.err);
        Path page = (out == null ? workdir.resolve("report.html") : out).toAbsolutePath();
        if (page.getParent() != null) {
            Files.createDirectories(page.getParent());
        }
        Files.writeString(page, RunReportPage.withBundledECharts().render(runs, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), StandardCharsets.UTF_8);
        System.err.println("tidemark: report of " + runs.size() + " runs written to " + page);
        System.out.println(page.toUri());
        return RunResult.succeeded(jobName(), null, null).rowsOut(runs.size())
                .durationMs(System.currentTimeMillis() - started).build();
    }

    @Override
    protected boolean recordsRun() {
        return false;
    }

    @Override
    protected String jobName() {
        return "report";
    }
}
