package io.tidemark.jobs;

import static io.tidemark.testing.ClickLanding.click;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.ClickLanding;
import io.tidemark.testing.LakeState;
import io.tidemark.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake's guarantees on tiny hand-written clickstream landings, through the catalog as a reader sees them:
 * late events in their own partition and stored once, the late-arrival horizon, idempotent reruns, rewritten
 * objects read again. Each test uses its own days, so the tests share one lake without seeing each other.
 */
class LakeGuaranteesTest {
    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static RuntimeConfig config;
    private static ClickLanding landing;
    private static LakeState lake;
    private static JobSpec spec;

    @BeforeAll
    static void start() {
        config = LocalSpark.config(workdir);
        spark = LocalSpark.start(workdir);
        landing = new ClickLanding(workdir.resolve("landing"));
        lake = new LakeState(spark);
        spec = new JobSpecs().get("clickstream");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static RunResult run(LandingWindow window) {
        CurateOutcome outcome = new CurateJob(spark, config, new HiveCatalog(spark)).run(spec, window);
        outcome.commitLedger();
        return outcome.result();
    }

    private static Map<String, List<String>> partitionsOf(LocalDate day) {
        return lake.clickIdsByPartition("curated", day);
    }

    @Test
    void lateEventGoesToItsOwnPartitionOnceAndEventsBeyondTheHorizonAreQuarantinedAsTooLate() {
        LocalDate day = LocalDate.parse("2026-11-10");
        Instant hour10 = Instant.parse("2026-11-10T10:05:00Z");
        Instant threeDaysLater = Instant.parse("2026-11-13T12:10:00Z");
        landing.write(Instant.parse("2026-11-10T10:20:00Z"), "a", click("a0", hour10), click("a1", hour10.plusSeconds(60)));
        landing.write(threeDaysLater, "b",
                click("late", Instant.parse("2026-11-10T10:30:00Z")),          // 3 days late: its own partition
                click("a0", hour10),                                              // redelivered in another hour's object
                click("ancient", threeDaysLater.minus(Duration.ofDays(31))),      // beyond clickstream's 30-day horizon
                click("b0", threeDaysLater.minusSeconds(30)));

        assertThat(run(LandingWindow.hour(day, 10)).rowsOut()).isEqualTo(2);
        RunResult late = run(LandingWindow.hour(LocalDate.parse("2026-11-13"), 12));

        assertThat(late.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(late.rowsIn()).isEqualTo(4);
        assertThat(late.rowsOut()).isEqualTo(2);
        assertThat(late.rowsDuplicate()).isEqualTo(1);
        assertThat(late.rowsQuarantined()).isEqualTo(1);
        assertThat(late.quarantinedByReason()).isEqualTo(Map.of("TOO_LATE", 1L));
        assertThat(late.partitions()).contains("click_events/dt=2026-11-10/hr=10", "click_events/dt=2026-11-13/hr=12");
        assertThat(partitionsOf(day)).isEqualTo(Map.of("dt=2026-11-10/hr=10", List.of("a0", "a1", "late")));
        assertThat(partitionsOf(LocalDate.parse("2026-10-13"))).isEmpty();

        List<Row> tooLate = spark.sql("SELECT raw, dataset, detail FROM quarantine.clickstream WHERE reason_code = 'TOO_LATE'")
                .collectAsList();
        assertThat(tooLate).hasSize(1);
        assertThat(tooLate.get(0).getString(0)).contains("ancient");
        assertThat(tooLate.get(0).getString(1)).isEqualTo("click_events");
        assertThat(tooLate.get(0).getString(2)).contains("lateArrivalHorizonDays", "clickstream");
    }

    @Test
    void rerunningAWindowThreeTimesLeavesTheLakeAndTheCatalogAsOneRunDid() throws IOException {
        LocalDate day = LocalDate.parse("2026-11-15");
        landing.write(Instant.parse("2026-11-15T08:12:00Z"), "r",
                click("r0", Instant.parse("2026-11-15T08:01:00Z")), click("r1", Instant.parse("2026-11-15T07:59:00Z")),
                click("r0", Instant.parse("2026-11-15T08:01:00Z")), "{not json");
        LandingWindow window = LandingWindow.hour(day, 8);
        RunResult first = run(window);
        assertThat(first.rowsOut()).isEqualTo(2);
        assertThat(first.rowsDuplicate()).isEqualTo(1);
        assertThat(first.rowsQuarantined()).isEqualTo(1);
        Snapshot once = Snapshot.take();
        assertThat(partitionsOf(day)).isEqualTo(Map.of("dt=2026-11-15/hr=07", List.of("r1"), "dt=2026-11-15/hr=08", List.of("r0")));

        for (int i = 0; i < 3; i++) {
            assertThat(run(window).status()).isEqualTo(RunStatus.SKIPPED);
            assertThat(Snapshot.take()).isEqualTo(once);
        }
        for (int i = 0; i < 3; i++) {
            forgetLedger(); // as after a crash between publish and the ledger commit: every object is read again
            RunResult again = run(window);
            assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(again.rowsOut()).isZero();
            assertThat(again.partitions()).isEmpty();
            assertThat(Snapshot.take()).isEqualTo(once);
        }
    }

    @Test
    void anObjectRewrittenWithNewContentIsReadAgain() {
        LocalDate day = LocalDate.parse("2026-11-18");
        Instant arrival = Instant.parse("2026-11-18T09:30:00Z");
        Instant at = Instant.parse("2026-11-18T09:10:00Z");
        Path object = landing.write(arrival, "w", ClickLanding.clicks("w", 2, at));
        LandingWindow window = LandingWindow.hour(day, 9);
        assertThat(run(window).rowsOut()).isEqualTo(2);
        assertThat(run(window).status()).isEqualTo(RunStatus.SKIPPED);

        assertThat(landing.write(arrival, "w", ClickLanding.clicks("w", 3, at))).isEqualTo(object);
        RunResult rewritten = run(window);

        assertThat(rewritten.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(rewritten.rowsOut()).isEqualTo(1);
        assertThat(rewritten.rowsDuplicate()).isEqualTo(2);
        assertThat(partitionsOf(day)).isEqualTo(Map.of("dt=2026-11-18/hr=09", List.of("w0", "w1", "w2")));
    }

    private static void forgetLedger() throws IOException {
        Path ledger = workdir.resolve("lake/_tidemark/ledger");
        try (Stream<Path> files = Files.walk(ledger)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What a reader sees: every row of the curated and quarantine tables, and where each partition points. */
    private record Snapshot(List<String> curatedRows, List<String> quarantineRows, Map<String, String> curatedLocations,
                            Map<String, String> quarantineLocations) {
        static Snapshot take() {
            return new Snapshot(lake.rows("curated.click_events"), lake.rows("quarantine.clickstream"),
                    lake.locations(new TableRef("curated", "click_events")),
                    lake.locations(new TableRef("quarantine", "clickstream")));
        }
    }
}
