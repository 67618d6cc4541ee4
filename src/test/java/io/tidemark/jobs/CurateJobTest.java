package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.PartitionKey;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import java.io.IOException;
import org.apache.commons.io.FileUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curate path on a real local Spark with a Derby-backed Hive metastore, over a generated landing zone:
 * every readable record stored exactly once in its event-time partition, bad input quarantined, reruns change
 * nothing. The tests run in order over one lake, as successive scheduler runs would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurateJobTest {
    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static RuntimeConfig config;
    private static GeneratedLanding landing;
    private static JobSpec spec;
    private static final List<RunResult> FIRST_RUNS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        landing = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(workdir.resolve("landing")));
        config = LocalSpark.config(workdir);
        spark = SparkSessions.create(config, workdir);
        spec = new JobSpecs().get("cwlogs");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static CurateJob job() {
        return new CurateJob(spark, config, new HiveCatalog(spark));
    }

    private static List<LandingWindow> windows() {
        List<LandingWindow> windows = new ArrayList<>();
        for (int h = 0; h < landing.settings().hours(); h++) {
            java.time.ZonedDateTime hour = landing.settings().firstHour().atZone(java.time.ZoneOffset.UTC).plusHours(h);
            windows.add(LandingWindow.hour(hour.toLocalDate(), hour.getHour()));
        }
        return windows;
    }

    @Test
    @Order(1)
    void firstRunsStoreEveryReadableRecordOnceInItsEventTimePartition() {
        for (LandingWindow window : windows()) {
            CurateOutcome outcome = job().run(spec, window);
            outcome.commitLedger();
            FIRST_RUNS.add(outcome.result());
        }
        assertThat(FIRST_RUNS).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));

        assertThat(rowsByPartition("vpc_flow_logs")).isEqualTo(landing.flowRowsByPartition());
        assertThat(rowsByPartition("app_logs")).isEqualTo(landing.appRowsByPartition());
        assertThat(spark.table("curated.vpc_flow_logs").select("event_id").distinct().count()).isEqualTo(landing.flowEvents());

        long in = FIRST_RUNS.stream().mapToLong(RunResult::rowsIn).sum();
        long out = FIRST_RUNS.stream().mapToLong(RunResult::rowsOut).sum();
        long duplicate = FIRST_RUNS.stream().mapToLong(RunResult::rowsDuplicate).sum();
        long quarantined = FIRST_RUNS.stream().mapToLong(RunResult::rowsQuarantined).sum();
        assertThat(out).isEqualTo(landing.flowEvents() + landing.appEvents());
        assertThat(duplicate).isEqualTo(landing.redeliveredEvents());
        assertThat(quarantined).isEqualTo(landing.quarantined());
        assertThat(in).isEqualTo(out + duplicate + quarantined);
        assertThat(FIRST_RUNS.stream().mapToLong(RunResult::controlMessages).sum()).isEqualTo(landing.controlMessages());
    }

    @Test
    @Order(2)
    void lateEventsLandInTheEarlierHourAndThatPartitionIsRebuiltWithAllItsRows() {
        String firstHour = windows().get(0).label();
        // the generator starts some flows up to 15 minutes before their landing hour: the hour before the first
        // window only receives late rows, and the first window's hour also receives late rows from the second
        String before = landing.settings().firstHour().minusSeconds(3600).atZone(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH"));
        assertThat(landing.flowRowsByPartition()).containsKey(before);
        assertThat(rowsByPartition("vpc_flow_logs").get(before)).isEqualTo(landing.flowRowsByPartition().get(before));
        RunResult second = FIRST_RUNS.get(1);
        assertThat(second.partitions()).anyMatch(p -> p.startsWith("vpc_flow_logs/" + toPartition(firstHour)));
    }

    @Test
    @Order(3)
    void badInputIsQuarantinedWithReasonObjectAndRawText() {
        Map<String, Long> byReason = new TreeMap<>();
        for (Row row : spark.sql("SELECT reason_code, count(*) FROM quarantine.cwlogs GROUP BY reason_code").collectAsList()) {
            byReason.put(row.getString(0), row.getLong(1));
        }
        assertThat(byReason).isEqualTo(landing.quarantinedByReason());
        List<Row> malformed = spark.sql("SELECT source_object, raw, detail FROM quarantine.cwlogs WHERE reason_code = 'SCHEMA_MISMATCH'")
                .collectAsList();
        assertThat(malformed).allSatisfy(r -> {
            assertThat(r.getString(0)).contains("/cwlogs/");
            assertThat(r.getString(1)).isNotBlank();
            assertThat(r.getString(2)).isNotBlank();
        });
    }

    @Test
    @Order(4)
    void rerunningAWindowFindsNothingNewAndChangesNothing() throws IOException {
        Map<String, String> catalogBefore = catalogState();
        List<String> filesBefore = lakeFiles();
        for (LandingWindow window : windows()) {
            RunResult rerun = job().run(spec, window).result();
            assertThat(rerun.status()).isEqualTo(RunStatus.SKIPPED);
        }
        assertThat(catalogState()).isEqualTo(catalogBefore);
        assertThat(lakeFiles()).isEqualTo(filesBefore);
    }

    @Test
    @Order(5)
    void reprocessingObjectsAlreadyStoredWritesNoNewVersion() throws IOException {
        // as after a crash between publish and the ledger commit: the ledger forgets, the lake remembers
        FileUtils.deleteDirectory(workdir.resolve("lake/_tidemark/ledger").toFile());
        Map<String, String> catalogBefore = catalogState();
        Map<String, Long> flowsBefore = rowsByPartition("vpc_flow_logs");
        CurateOutcome outcome = job().run(spec, windows().get(0));
        RunResult again = outcome.result();
        assertThat(outcome.fedPartitions().get("vpc_flow_logs")).isNotEmpty();
        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.rowsOut()).isZero();
        assertThat(again.rowsDuplicate()).isEqualTo(FIRST_RUNS.get(0).rowsOut() + FIRST_RUNS.get(0).rowsDuplicate());
        assertThat(again.partitions()).isEmpty();
        Map<String, String> catalogAfter = catalogState();
        catalogBefore.keySet().stream().filter(k -> !k.startsWith("quarantine")).forEach(k ->
                assertThat(catalogAfter.get(k)).as(k).isEqualTo(catalogBefore.get(k)));
        assertThat(rowsByPartition("vpc_flow_logs")).isEqualTo(flowsBefore);
    }

    private static String toPartition(String windowLabel) {
        return "dt=" + windowLabel.substring(0, 10) + "/hr=" + windowLabel.substring(11, 13);
    }

    private static Map<String, Long> rowsByPartition(String table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : spark.sql("SELECT dt, hr, count(*) FROM curated." + table + " GROUP BY dt, hr").collectAsList()) {
            counts.put("dt=" + row.getString(0) + "/hr=" + row.getString(1), row.getLong(2));
        }
        return counts;
    }

    /** Every registered partition of every table, with its location. */
    private static Map<String, String> catalogState() {
        Map<String, String> state = new TreeMap<>();
        HiveCatalog catalog = new HiveCatalog(spark);
        for (String table : List.of("curated.vpc_flow_logs", "curated.app_logs", "quarantine.cwlogs")) {
            TableRef ref = new TableRef(table.split("\\.")[0], table.split("\\.")[1]);
            List<String> columns = table.startsWith("quarantine") ? List.of("dt") : List.of("dt", "hr");
            List<PartitionKey> keys = new ArrayList<>();
            for (Row row : spark.sql("SHOW PARTITIONS " + table).collectAsList()) {
                List<String> values = Stream.of(row.getString(0).split("/")).map(s -> s.substring(s.indexOf('=') + 1)).toList();
                keys.add(PartitionKey.of(ref.table(), columns, values));
            }
            catalog.locations(ref, keys).forEach((k, v) -> state.put(table + "/" + k.path(), v));
        }
        return state;
    }

    private static List<String> lakeFiles() throws IOException {
        Path lake = workdir.resolve("lake");
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("_tidemark"))
                    .map(p -> lake.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
