package io.tidemark.jobs;

import static io.tidemark.testing.ClickLanding.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.landing.LandingWindow;
import io.tidemark.RunStatus;
import io.tidemark.testing.ClickLanding;
import io.tidemark.testing.LakeState;
import io.tidemark.testing.LocalSpark;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Write, audit, publish under injected crashes: a run stopped at each {@link FaultPoint} leaves every partition
 * readable through the catalog with its old or its complete new content, and the next run converges to what one
 * clean run gives. Then garbage collection removes the versions those runs left behind (superseded, or orphaned
 * by the crash after the write) once their retention ends, and never a referenced one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryAndGcTest {
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

    /** Thrown by the test hook: the run stops there as if the process had died. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(FaultPoint point) {
            super("simulated crash at " + point);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultPoint.class)
    @Order(1)
    void aCrashLeavesThePreviousVersionReadableAndTheNextRunConverges(FaultPoint point) {
        LocalDate day = LocalDate.parse("2026-10-20").plusDays(2L * point.ordinal());
        Instant at10 = day.atTime(10, 1).toInstant(ZoneOffset.UTC);
        landing.write(at10.plusSeconds(14 * 60), "a", click("p0", at10), click("p1", at10.plusSeconds(5)));
        landing.write(at10.plusSeconds(79 * 60), "b",
                click("q0", at10.plusSeconds(39 * 60)),   // late: fed to the published hour 10
                click("q1", at10.plusSeconds(64 * 60)),   // hour 11, new partition
                "{not json");                              // quarantined
        LandingWindow first = LandingWindow.hour(day, 10);
        LandingWindow second = LandingWindow.hour(day, 11);
        assertThat(new JobRunner(runtime, System.err).run(spec, first, false).status()).isEqualTo(RunStatus.SUCCEEDED);
        Map<String, List<String>> before = partitionsOf(day);
        Map<String, List<String>> after = Map.of(partition(day, 10), List.of("p0", "p1", "q0"), partition(day, 11), List.of("q1"));
        assertThat(before).isEqualTo(Map.of(partition(day, 10), List.of("p0", "p1")));

        RunHooks crash = (reached, job, window) -> {
            if (reached == point && window.equals(second)) {
                throw new SimulatedCrash(point);
            }
        };
        assertThatThrownBy(() -> new JobRunner(runtime, System.err, crash).run(spec, second, false))
                .isInstanceOf(SimulatedCrash.class);

        switch (point) {
            case AFTER_WRITE -> {
                assertThat(partitionsOf(day)).isEqualTo(before);
                assertThat(quarantined(day)).isZero();
            }
            case DURING_PUBLISH -> {
                assertThat(partitionsOf(day)).isEqualTo(after);
                assertThat(quarantined(day)).isZero();
            }
            default -> {
                assertThat(partitionsOf(day)).isEqualTo(after);
                assertThat(quarantined(day)).isEqualTo(1);
            }
        }

        assertThat(new JobRunner(runtime, System.err).run(spec, second, false).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(partitionsOf(day)).isEqualTo(after);
        assertThat(quarantined(day)).isEqualTo(1);
        // the ledger is complete: nothing is read again
        assertThat(new JobRunner(runtime, System.err).run(spec, first, false).status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(new JobRunner(runtime, System.err).run(spec, second, false).status()).isEqualTo(RunStatus.SKIPPED);
    }

    @Test
    @Order(2)
    void gcDeletesUnreferencedVersionsOnlyAfterTheirRetentionAndNeverAReferencedOne() throws IOException {
        TableRef clicks = new TableRef("curated", "click_events");
        TableRef quarantine = new TableRef("quarantine", "clickstream");
        List<VersionGc.Table> tables = List.of(new VersionGc.Table(clicks, LakeArea.CURATED, 2),
                new VersionGc.Table(quarantine, LakeArea.QUARANTINE, 1));
        List<String> rowsBefore = lake.rows("curated.click_events");
        List<String> quarantineBefore = lake.rows("quarantine.clickstream");
        TreeSet<String> referenced = new TreeSet<>(lake.locations(clicks).values().stream().map(CrashRecoveryAndGcTest::path).toList());
        referenced.addAll(lake.locations(quarantine).values().stream().map(CrashRecoveryAndGcTest::path).toList());
        TreeSet<String> unreferenced = new TreeSet<>(versionPartitions());
        unreferenced.removeAll(referenced);
        // each scenario superseded hour 10's first version; the crash after the write left a whole orphan version
        assertThat(unreferenced).hasSizeGreaterThanOrEqualTo(FaultPoint.values().length + 1);

        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Duration retention = Duration.ofHours(72);
        VersionGc.Result first = gc(now, retention).collect(tables);
        assertThat(first.deleted()).isEmpty();
        assertThat(first.waiting()).isEqualTo(unreferenced.size());
        assertThat(gc(now.plus(retention).minusSeconds(1), retention).collect(tables).deleted()).isEmpty();
        assertThat(versionPartitions()).containsAll(unreferenced);

        VersionGc.Result due = gc(now.plus(retention), retention).collect(tables);

        assertThat(due.deleted()).hasSize(unreferenced.size());
        assertThat(due.waiting()).isZero();
        assertThat(new TreeSet<>(versionPartitions())).isEqualTo(referenced);
        assertThat(lake.rows("curated.click_events")).isEqualTo(rowsBefore);
        assertThat(lake.rows("quarantine.clickstream")).isEqualTo(quarantineBefore);
        // a version folder left with no partition is removed with its last partition
        try (Stream<Path> versions = Files.list(workdir.resolve("lake/curated/click_events"))) {
            assertThat(versions.filter(v -> v.getFileName().toString().startsWith("v-")))
                    .allSatisfy(v -> assertThat(referenced).anyMatch(r -> r.startsWith(v + "/")));
        }

        assertThat(gc(now.plus(Duration.ofDays(30)), Duration.ZERO).collect(tables).deleted()).isEmpty();
        assertThat(new TreeSet<>(versionPartitions())).isEqualTo(referenced);
    }

    private static VersionGc gc(Instant now, Duration retention) {
        return new VersionGc(runtime.spark().sparkContext().hadoopConfiguration(), runtime.catalog(),
                new LakeLayout(runtime.config().lakeRoot()), retention, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Every partition folder inside a version folder, curated and quarantine, as a local path. */
    private static List<String> versionPartitions() throws IOException {
        List<String> found = new ArrayList<>();
        collect(workdir.resolve("lake/curated/click_events"), 2, found);
        collect(workdir.resolve("lake/quarantine/clickstream"), 1, found);
        return found;
    }

    private static void collect(Path tableRoot, int depth, List<String> found) throws IOException {
        try (Stream<Path> paths = Files.walk(tableRoot, depth + 1)) {
            paths.filter(Files::isDirectory)
                    .filter(p -> tableRoot.relativize(p).getNameCount() == depth + 1)
                    .filter(p -> tableRoot.relativize(p).getName(0).toString().startsWith("v-"))
                    .forEach(p -> found.add(p.toAbsolutePath().normalize().toString()));
        }
    }

    private static String path(String location) {
        return Path.of(URI.create(location.startsWith("file:/") && !location.startsWith("file:///")
                ? "file://" + location.substring("file:".length()) : location)).toAbsolutePath().normalize().toString();
    }

    private static Map<String, List<String>> partitionsOf(LocalDate day) {
        return lake.clickIdsByPartition("curated", day);
    }

    private static String partition(LocalDate day, int hour) {
        return String.format("dt=%s/hr=%02d", day, hour);
    }

    private static long quarantined(LocalDate day) {
        if (!runtime.spark().catalog().tableExists("quarantine", "clickstream")) {
            return 0;
        }
        runtime.spark().catalog().refreshTable("quarantine.clickstream");
        return runtime.spark().sql("SELECT * FROM quarantine.clickstream WHERE dt = '" + day + "'").count();
    }
}
