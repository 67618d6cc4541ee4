package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tidemark.ops.RunRecordStore;
import io.tidemark.ops.RunReportPage;
import io.tidemark.ops.RunResult;
import io.tidemark.ops.SampleRunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands leave their result in the lake's {@code _tidemark/runs/}, and {@code tidemark report} renders them as a
 * page whose charts really draw: headless Chromium (Debian's {@code chromium}) loads it offline and the dumped DOM
 * holds the rendered SVG of every chart. Without Chromium the browser test is skipped, unless
 * {@code TIDEMARK_REQUIRE_BROWSER=1} (set by the test script), where it fails.
 */
class RunReportTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommandRunLeavesItsResultInTheLakeButQueriesDoNot() throws Exception {
        Path workdir = tmp.resolve("work");
        CapturedCli unknownJob = CapturedCli.run("run", "nosuchjob", "--date", "2026-11-24", "--workdir", workdir.toString());
        CapturedCli badLanding = CapturedCli.run("demo", "--landing", tmp.resolve("missing").toString(), "--workdir", workdir.toString());
        assertThat(unknownJob.exitCode()).isEqualTo(2);
        assertThat(badLanding.exitCode()).isEqualTo(2);

        List<String> records = records(workdir);
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).contains("\"command\":\"run\"", "\"status\":\"FAILED\"", "nosuchjob", "BAD_CONFIG");
        assertThat(records.get(1)).contains("\"command\":\"demo\"", "no such directory");

        CapturedCli report = CapturedCli.run("report", "--workdir", workdir.toString());
        assertThat(report.exitCode()).isZero();
        assertThat(report.resultLine().get("rows_out").asInt()).isEqualTo(2);
        assertThat(records(workdir)).as("report and sql leave no record").hasSize(2);
        String page = Files.readString(workdir.resolve("report.html"));
        assertThat(page).contains("nosuchjob", "BAD_CONFIG").doesNotContain("<script src=");
    }

    @Test
    void theReportPageRendersItsChartsInHeadlessChromium() throws Exception {
        Path chromium = chromiumOrSkip();
        Path workdir = tmp.resolve("work");
        RunRecordStore store = new RunRecordStore(workdir.resolve("lake").toUri().toString(), new Configuration());
        List<RunResult> windows = new ArrayList<>();
        for (int hour = 10; hour < 13; hour++) {
            windows.add(SampleRunResults.window("cwlogs", "2026-11-24T" + hour, 1000L * hour,
                    Map.of("CORRUPT_COMPRESSION", 1L, "MALFORMED_JSON", (long) hour), List.of()));
        }
        store.write("demo", RunResult.combine("demo", "d1", null, windows, 9000), windows, Instant.parse("2026-11-26T10:00:00Z"));
        store.write("run", SampleRunResults.window("ses", "2026-11-24", 0, Map.of(), List.of("ses_events: key unique: 2 duplicates <b>")),
                List.of(), Instant.parse("2026-11-26T10:01:00Z"));
        Path page = tmp.resolve("out/report.html");

        CapturedCli report = CapturedCli.run("report", "--last", "10", "--out", page.toString(), "--workdir", workdir.toString());

        assertThat(report.exitCode()).isZero();
        assertThat(report.resultLine().get("rows_out").asInt()).isEqualTo(2);
        String dom = dumpDom(chromium, page);
        String htmlTag = dom.substring(dom.indexOf("<html"), dom.indexOf('>', dom.indexOf("<html")) + 1);
        assertThat(htmlTag).contains("data-charts-rendered=\"" + RunReportPage.CHARTS.size() + "\"")
                .doesNotContain("data-charts-error");
        String body = dom.substring(dom.indexOf("<body"));
        for (String chart : RunReportPage.CHARTS) {
            Matcher div = Pattern.compile("id=\"" + chart + "\"[^>]*>(.*?)</section>", Pattern.DOTALL).matcher(body);
            assertThat(div.find()).as(chart).isTrue();
            assertThat(div.group(1).contains("<svg") && div.group(1).contains("<path")).as("%s holds its rendered SVG", chart).isTrue();
        }
        assertThat(body).contains("cwlogs 2026-11-24T12", "CORRUPT_COMPRESSION", "MALFORMED_JSON: 12", "2 duplicates &lt;b&gt;");
    }

    private static List<String> records(Path workdir) throws IOException {
        Path folder = workdir.resolve("lake").resolve(RunRecordStore.FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            List<String> texts = new ArrayList<>();
            for (Path file : sorted) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }

    private static Path chromiumOrSkip() {
        String configured = System.getenv("TIDEMARK_CHROMIUM");
        Path chromium = Path.of(configured == null ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(chromium)) {
            if ("1".equals(System.getenv("TIDEMARK_REQUIRE_BROWSER"))) {
                fail("Cannot test the report page: no Chromium at " + chromium
                        + " and TIDEMARK_REQUIRE_BROWSER=1 (install it with: apt-get install -y chromium)");
            }
            Assumptions.abort("Chromium is not installed at " + chromium + ": skipping the browser test "
                    + "(the README's test script installs it and sets TIDEMARK_REQUIRE_BROWSER=1)");
        }
        return chromium;
    }

    private Path profileDir() throws IOException {
        return Files.createDirectories(tmp.resolve("chromium-profile"));
    }

    private String dumpDom(Path chromium, Path page) throws Exception {
        Path dom = tmp.resolve("dom.html");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profileDir(), "--virtual-time-budget=10000",
                "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile())
                .redirectError(tmp.resolve("chromium.log").toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 120 s; its log: " + Files.readString(tmp.resolve("chromium.log")));
        }
        assertThat(process.exitValue()).as("chromium exit code; log: %s", Files.readString(tmp.resolve("chromium.log"))).isZero();
        return Files.readString(dom, StandardCharsets.UTF_8);
    }
}
