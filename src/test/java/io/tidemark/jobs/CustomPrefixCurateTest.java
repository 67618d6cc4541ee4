package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cwlogs_custom_prefix} job over CloudWatch Logs landed under the stream's own Hive-style prefix curates
 * the same rows as {@code cwlogs} does from the default layout (the generator's ground truth, which
 * {@link CurateJobTest} holds {@code cwlogs} to), for {@code run --date D --hour H} then {@code run --date D} (which
 * finds the day's other hour) over one landing, and {@code backfill} over a second landing on another date: one
 * lake, one Spark session.
 */
class CustomPrefixCurateTest {
    private static final DateTimeFormatter HIVE = DateTimeFormatter
            .ofPattern("'year='yyyy'/month='MM'/day='dd'/hour='HH'/'").withZone(ZoneOffset.UTC);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path workdir;

    private static TidemarkRuntime runtime;
    private static JobSpec spec;
    private static GeneratedLanding runs;
    private static GeneratedLanding backfilled;

    @BeforeAll
    static void start() throws IOException {
        spec = new JobSpecs().get("cwlogs_custom_prefix");
        runs = generate(1, "2026-11-24T10:00:00Z");
        backfilled = generate(2, "2026-11-27T10:00:00Z");
        runtime = new TidemarkRuntime(workdir, LocalSpark.config(workdir));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** A small CloudWatch landing written under logs/cwl/year=/month=/day=/hour=/, copied into the workdir's landing. */
    private static GeneratedLanding generate(long seed, String firstHour) throws IOException {
        Path scratch = workdir.resolve("generated-" + seed);
        GeneratedLanding landing = GeneratedLanding.of(new CloudWatchLandingGenerator(
                CloudWatchLandingSettings.small().withSeed(seed).withFirstHour(Instant.parse(firstHour)), "logs/cwl", HIVE)
                .generate(scratch));
        Path landingRoot = workdir.resolve("landing");
        try (Stream<Path> files = Files.walk(scratch)) {
            files.filter(Files::isRegularFile).forEach(file -> copy(file, landingRoot.resolve(scratch.relativize(file))));
        }
        return landing;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCustomPrefixLandingIsTheDefaultLandingUnderOtherKeys() throws IOException {
        GeneratedLanding defaultLayout = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small().withSeed(1)
                .withFirstHour(Instant.parse("2026-11-24T10:00:00Z"))).generate(workdir.resolve("default-layout")));

        assertThat(runs.objects().get(0).key()).startsWith("logs/cwl/year=2026/month=11/day=24/hour=1");
        assertThat(defaultLayout.objects().get(0).key()).startsWith("cwlogs/2026/11/24/1");
        assertThat(runs.flowRowsByPartition()).isEqualTo(defaultLayout.flowRowsByPartition());
        assertThat(runs.appRowsByPartition()).isEqualTo(defaultLayout.appRowsByPartition());
        assertThat(runs.quarantined()).isEqualTo(defaultLayout.quarantined());
    }

    @Test
    void anHourRunThenTheDayRunThenABackfillCurateEveryRowOnce() {
        JobRunner runner = new JobRunner(runtime, QUIET);
        LocalDate day = LocalDate.of(2026, 11, 24);
        RunResult hour = runner.run(spec, LandingWindow.hour(day, 10), false);
        RunResult rest = runner.run(spec, LandingWindow.day(day), false);
        BackfillOutcome backfill = new Backfill(runtime, runner, QUIET)
                .run(spec, new BackfillRange(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27), false), 1, false, false);
        assertThat(backfill.failure()).isNull();
        List<RunResult> results = new ArrayList<>(List.of(hour, rest));
        results.addAll(backfill.results());

        assertThat(results).extracting(RunResult::status)
                .containsExactly(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.SKIPPED, RunStatus.SUCCEEDED);
        assertThat(hour.objects()).as("the hour run lists hour=10 only")
                .isEqualTo(runs.objects().stream().filter(o -> o.key().contains("/hour=10/")).count());
        assertThat(hour.objects() + rest.objects()).isEqualTo(runs.objects().size());
        assertThat(rowsByPartition("vpc_flow_logs"))
                .isEqualTo(merged(runs.flowRowsByPartition(), backfilled.flowRowsByPartition()));
        assertThat(rowsByPartition("app_logs"))
                .isEqualTo(merged(runs.appRowsByPartition(), backfilled.appRowsByPartition()));
        assertThat(results.stream().mapToLong(RunResult::rowsQuarantined).sum())
                .isEqualTo(runs.quarantined() + backfilled.quarantined());
        assertThat(results.stream().mapToLong(RunResult::rowsDuplicate).sum())
                .isEqualTo(runs.redeliveredEvents() + backfilled.redeliveredEvents());

        // _arrival_ts comes from the object names under the custom prefix: each is within its landing's hours
        List<Row> arrivals = runtime.spark().sql("SELECT DISTINCT _arrival_ts FROM curated.vpc_flow_logs").collectAsList();
        assertThat(arrivals).isNotEmpty().allSatisfy(row -> {
            Instant arrival = ((Timestamp) row.get(0)).toInstant();
            assertThat(Stream.of(runs, backfilled).anyMatch(l -> !arrival.isBefore(l.settings().firstHour())
                    && arrival.isBefore(l.settings().firstHour().plusSeconds(3600L * l.settings().hours())))).isTrue();
        });
    }

    private static Map<String, Long> merged(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> all = new TreeMap<>(a);
        b.forEach((k, v) -> all.merge(k, v, Long::sum));
        return all;
    }

    private static Map<String, Long> rowsByPartition(String table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : runtime.spark().sql("SELECT dt, hr, count(*) FROM curated." + table + " GROUP BY dt, hr").collectAsList()) {
            counts.put("dt=" + row.getString(0) + "/hr=" + row.getString(1), row.getLong(2));
        }
        return counts;
    }
}
