package io.tidemark.jobs;

import static io.tidemark.testing.ClickLanding.click;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.cli.TidemarkCli;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.ClickLanding;
import io.tidemark.testing.LakeState;
import io.tidemark.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Backfill} on one runtime: a backfill stopped mid-way resumes with the remaining windows only; windows run
 * in parallel that feed the same partition lose no row; ledger entries are marked as backfill runs.
 */
class BackfillTest {
    @TempDir
    static Path workdir;

    private static TidemarkRuntime runtime;
    private static ClickLanding landing;
    private static LakeState lake;
    private static JobSpec spec;

    @BeforeAll
    static void start() {
        runtime = new TidemarkRuntime(workdir, LocalSpark.config(workdir));
        landing = new ClickLanding(workdir.resolve("landing"));
        lake = new LakeState(runtime.spark());
        spec = new JobSpecs().get("clickstream");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aStoppedBackfillResumesWithTheWindowsItHadNotFinished() throws IOException {
        for (int d = 1; d <= 3; d++) {
            Instant at = Instant.parse(String.format("2026-10-%02dT09:10:00Z", d));
            landing.write(at.plusSeconds(300), "d" + d, ClickLanding.clicks("d" + d + "-", 2, at));
        }
        BackfillRange range = new BackfillRange(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-03"), false);
        RunHooks killOnSecondDay = (point, job, window) -> {
            if (point == FaultPoint.AFTER_LOAD_BEFORE_LEDGER && window.equals(LandingWindow.day(LocalDate.parse("2026-10-02")))) {
                throw new IllegalStateException("killed");
            }
        };

        Captured first = new Captured();
        BackfillOutcome stopped = new Backfill(runtime, new JobRunner(runtime, first.stream, killOnSecondDay), first.stream)
                .run(spec, range, 1, false, false);

        assertThat(stopped.failure()).hasMessage("killed");
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.results()).extracting(RunResult::window).containsExactly("2026-10-01");
        assertThat(first.text()).contains("1/3 windows done (2026-10-01 SUCCEEDED)", "ETA", "stopped", "rerun the same command");
        assertThat(first.text()).doesNotContain("clickstream 2026-10-03");

        Captured second = new Captured();
        BackfillOutcome resumed = new Backfill(runtime, new JobRunner(runtime, second.stream), second.stream)
                .run(spec, range, 1, false, false);

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.resumed()).isEqualTo(1);
        assertThat(resumed.results()).extracting(RunResult::window).containsExactly("2026-10-01", "2026-10-02", "2026-10-03");
        assertThat(resumed.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        // the stopped window had published before it was stopped: its rows are read again, as duplicates
        assertThat(resumed.results().stream().mapToLong(RunResult::rowsOut).sum()).isEqualTo(4);
        assertThat(resumed.results().stream().mapToLong(RunResult::rowsDuplicate).sum()).isEqualTo(2);
        assertThat(second.text()).contains("1 finished by an earlier attempt", "3/3 windows done", "finished");
        assertThat(second.text()).doesNotContain("tidemark: clickstream 2026-10-01:");
        Map<String, List<String>> ids = lake.clickIdsByPartition("curated");
        assertThat(ids).containsEntry("dt=2026-10-01/hr=09", List.of("d1-0", "d1-1"))
                .containsEntry("dt=2026-10-02/hr=09", List.of("d2-0", "d2-1"))
                .containsEntry("dt=2026-10-03/hr=09", List.of("d3-0", "d3-1"));

        List<String> ledger = ledgerLines().stream().filter(l -> l.matches(".*\"window\":\"2026-10-0[123]\".*")).toList();
        assertThat(ledger).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"backfill\":\"2026-10-01..2026-10-03\""));
    }

    @Test
    void parallelWindowsFeedingTheSamePartitionLoseNoRow() {
        Instant hour = Instant.parse("2026-10-10T09:00:00Z");
        List<String> own = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            own.add(click("own" + i, hour.plusSeconds(i)));
            late.add(click("late" + i, hour.plusSeconds(100 + i))); // arrives a day later, same partition
        }
        landing.write(hour.plusSeconds(1800), "own", own.toArray(String[]::new));
        landing.write(hour.plusSeconds(86_400 + 1800), "late", late.toArray(String[]::new));
        BackfillRange range = new BackfillRange(LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-11"), false);

        Captured out = new Captured();
        BackfillOutcome outcome = new Backfill(runtime, new JobRunner(runtime, out.stream), out.stream).run(spec, range, 2, false, false);

        assertThat(outcome.complete()).as(out.text()).isTrue();
        assertThat(outcome.results().stream().mapToLong(RunResult::rowsOut).sum()).isEqualTo(40);
        assertThat(outcome.results()).allSatisfy(r -> assertThat(r.partitions()).contains("click_events/dt=2026-10-10/hr=09"));
        assertThat(lake.clickIdsByPartition("curated").get("dt=2026-10-10/hr=09")).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void badRangesAndOptionsAreUsageErrors() {
        assertThat(TidemarkCli.execute("backfill", "clickstream", "--from", "2026-10-03", "--to", "2026-10-01",
                "--workdir", workdir.resolve("unused").toString())).isEqualTo(2);
        assertThat(TidemarkCli.execute("backfill", "dms_sales", "--from", "2026-10-01", "--to", "2026-10-01", "--hourly",
                "--workdir", workdir.resolve("unused").toString())).isEqualTo(2);
        assertThat(TidemarkCli.execute("backfill", "clickstream", "--from", "2026-10-01", "--to", "2026-10-01", "--parallel", "0",
                "--workdir", workdir.resolve("unused").toString())).isEqualTo(2);
    }

    private static List<String> ledgerLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workdir.resolve("lake/_tidemark/ledger/clickstream"))) {  // date=.../*.jsonl
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /** Progress lines written by a backfill, kept for assertions. */
    private static final class Captured {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
