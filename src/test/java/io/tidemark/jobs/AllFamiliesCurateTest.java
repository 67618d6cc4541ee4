package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.demo.ClickstreamLandingGenerator;
import io.tidemark.demo.ClickstreamLandingSettings;
import io.tidemark.demo.FlowLinesLanding;
import io.tidemark.demo.FlowLinesLandingSettings;
import io.tidemark.demo.FlowLogLinesLandingGenerator;
import io.tidemark.demo.GeneratedClickstream;
import io.tidemark.demo.GeneratedUsersReference;
import io.tidemark.demo.GuardDutyGeneratedLanding;
import io.tidemark.demo.GuardDutyLandingGenerator;
import io.tidemark.demo.GuardDutyLandingSettings;
import io.tidemark.demo.SalesCdcGroundTruth;
import io.tidemark.demo.SalesCdcLandingGenerator;
import io.tidemark.demo.SalesCdcLandingSettings;
import io.tidemark.demo.SesGeneratedLanding;
import io.tidemark.demo.SesLandingGenerator;
import io.tidemark.demo.SesLandingSettings;
import io.tidemark.demo.UsersReferenceGenerator;
import io.tidemark.demo.UsersReferenceSettings;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.WindowDiscovery;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every raw family through the whole curate path (discovery by layout, framing, parsing, dedup, versioned
 * publish) on a real local Spark and Derby metastore, against each generator's own ground truth: rows stored
 * once, duplicates counted, bad input quarantined with the expected reasons.
 */
class AllFamiliesCurateTest {
    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static final Map<String, List<RunResult>> RUNS = new TreeMap<>();
    private static FlowLinesLanding flowLines;
    private static SesGeneratedLanding ses;
    private static GuardDutyGeneratedLanding guardDuty;
    private static GeneratedClickstream clicks;
    private static GeneratedUsersReference users;
    private static SalesCdcGroundTruth sales;

    @BeforeAll
    static void curateEveryFamily() throws Exception {
        Path landing = workdir.resolve("landing");
        flowLines = FlowLinesLanding.of(new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.small()).generate(landing));
        ses = SesGeneratedLanding.of(new SesLandingGenerator(SesLandingSettings.defaults()).generate(landing));
        guardDuty = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(landing));
        clicks = GeneratedClickstream.of(new ClickstreamLandingGenerator(ClickstreamLandingSettings.small()).generate(landing));
        users = GeneratedUsersReference.of(new UsersReferenceGenerator(UsersReferenceSettings.small()).generate(landing));
        sales = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(landing));

        RuntimeConfig config = LocalSpark.config(workdir);
        spark = SparkSessions.create(config, workdir);
        WindowDiscovery windows = new WindowDiscovery(spark.sparkContext().hadoopConfiguration());
        for (JobSpec spec : new JobSpecs().all()) {
            List<RunResult> runs = new ArrayList<>();
            for (LandingWindow window : windows.windows(config.landingRoot(), spec)) {
                CurateOutcome outcome = new CurateJob(spark, config, new HiveCatalog(spark)).run(spec, window);
                outcome.commitLedger();
                runs.add(outcome.result());
            }
            RUNS.put(spec.job(), runs);
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyRunSucceedsAndItsCountsAddUp() {
        assertThat(RUNS.keySet()).contains("flowlines", "ses", "guardduty", "clickstream", "users", "aurora_sales", "dms_sales", "debezium_sales");
        RUNS.forEach((job, runs) -> {
            // CurateJobTest covers cwlogs and CustomPrefixCurateTest cwlogs_custom_prefix; their landings are not generated here
            if (!job.startsWith("cwlogs")) {
                assertThat(runs).as(job + " windows").isNotEmpty();
            }
            runs.forEach(r -> {
                assertThat(r.status()).as(job + " " + r.window()).isNotEqualTo(RunStatus.FAILED);
                assertThat(r.rowsIn()).as(job + " " + r.window()).isEqualTo(r.rowsOut() + r.rowsDuplicate() + r.rowsQuarantined());
            });
        });
    }

    @Test
    void flowLogLinesAreStoredOnce() {
        assertThat(count("vpc_flow_logs")).isEqualTo(flowLines.rows());
        assertThat(total("flowlines", RunResult::rowsDuplicate)).isEqualTo(flowLines.duplicates());
        assertThat(reasons("flowlines")).isEqualTo(flowLines.quarantinedByReason());
    }

    @Test
    void sesEventsAreStoredOncePerRecipientWithoutAddresses() {
        assertThat(count("ses_events")).isEqualTo(ses.rows());
        assertThat(total("ses", RunResult::rowsDuplicate)).isEqualTo(ses.duplicates());
        assertThat(reasons("ses")).isEqualTo(ses.quarantinedByReason());
        assertThat(spark.sql("SELECT count(*) FROM (SELECT to_json(struct(*)) AS j FROM curated.ses_events) WHERE j LIKE '%@%'").first().getLong(0)).isZero();
    }

    @Test
    void guardDutyKeepsEachDistinctUpdateOnce() {
        assertThat(count("guardduty_findings")).isEqualTo(guardDuty.distinctUpdates());
        assertThat(total("guardduty", RunResult::rowsDuplicate)).isEqualTo(guardDuty.duplicates());
        assertThat(reasons("guardduty")).isEqualTo(guardDuty.quarantinedByReason());
    }

    @Test
    void clickstreamIsStoredOnce() {
        assertThat(count("click_events")).isEqualTo(clicks.rows());
        assertThat(total("clickstream", RunResult::rowsDuplicate)).isEqualTo(clicks.duplicates());
        assertThat(reasons("clickstream")).isEqualTo(clicks.quarantinedByReason());
    }

    @Test
    void userSnapshotsLandInTheirSnapshotDay() {
        long expected = users.snapshots().values().stream().mapToLong(Map::size).sum();
        assertThat(count("users_ref")).isEqualTo(expected);
        for (Row row : spark.sql("SELECT dt, count(*) FROM curated.users_ref GROUP BY dt").collectAsList()) {
            assertThat((long) users.snapshots().get(java.time.LocalDate.parse(row.getString(0))).size()).isEqualTo(row.getLong(1));
        }
        assertThat(reasons("users")).isEqualTo(users.quarantinedByReason());
    }

    @Test
    void salesChangesFromAllThreeFeedsAreStoredOnce() {
        Map<String, Long> bySource = new TreeMap<>();
        for (Row row : spark.sql("SELECT source, count(*) FROM curated.sales_changes GROUP BY source").collectAsList()) {
            bySource.put(row.getString(0), row.getLong(1));
        }
        assertThat(bySource).isEqualTo(sales.changesStored());
        Map<String, Long> quarantined = new TreeMap<>();
        for (String job : List.of("aurora_sales", "dms_sales", "debezium_sales")) {
            reasons(job).forEach((k, v) -> quarantined.merge(k, v, Long::sum));
        }
        assertThat(quarantined).isEqualTo(sales.quarantinedByReason());
    }

    private static long count(String table) {
        return spark.table("curated." + table).count();
    }

    private static long total(String job, java.util.function.ToLongFunction<RunResult> counter) {
        return RUNS.get(job).stream().mapToLong(counter).sum();
    }

    private static Map<String, Long> reasons(String job) {
        Map<String, Long> reasons = new TreeMap<>();
        RUNS.get(job).forEach(r -> r.quarantinedByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum)));
        return reasons;
    }
}
