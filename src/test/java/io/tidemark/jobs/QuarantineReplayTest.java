package io.tidemark.jobs;

import static io.tidemark.testing.ClickLanding.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.cli.TidemarkCli;
import io.tidemark.config.ConfigException;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.ReasonCode;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.ClickLanding;
import io.tidemark.testing.LakeState;
import io.tidemark.testing.LocalSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark replay}: TOO_LATE rows go back through the curate path once the horizon is raised, stored once. */
class QuarantineReplayTest {
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

    private static JobSpec withHorizon(int days) {
        return new JobSpec(spec.job(), spec.description(), spec.landingPrefix(), spec.landingLayout(), spec.source(),
                spec.datasets(), spec.warehouseModels(), spec.schedule(), days, spec.errorOutputPrefix(),
                spec.customTimeZone(), spec.prefixes(), spec.partitionKeyColumns());
    }

    private static RunResult replay(JobSpec jobSpec) {
        return new QuarantineReplay(spark, config, new HiveCatalog(spark), System.err)
                .replay(jobSpec, ReasonCode.TOO_LATE, Optional.empty(), Optional.empty());
    }

    private static RunResult replay(RuntimeConfig runtime, ReasonCode reason) {
        return new QuarantineReplay(spark, runtime, new HiveCatalog(spark), System.err)
                .replay(spec, reason, Optional.empty(), Optional.empty());
    }

    private static long tooLateRows() {
        spark.catalog().refreshTable("quarantine.clickstream");
        return spark.sql("SELECT * FROM quarantine.clickstream WHERE reason_code = 'TOO_LATE'").count();
    }

    @Test
    void tooLateRowsReplayedAfterRaisingTheHorizonAreStoredOnceHoweverOftenReplayRuns() {
        Instant arrival = Instant.parse("2026-11-13T12:10:00Z");
        Path object = landing.write(arrival, "b",
                click("ancient", arrival.minus(Duration.ofDays(31))),   // beyond clickstream's 30 days, within 40
                click("older", arrival.minus(Duration.ofDays(45))),     // beyond 40 days too
                click("b0", arrival.minusSeconds(30)));
        CurateOutcome first = new CurateJob(spark, config, new HiveCatalog(spark))
                .run(spec, LandingWindow.hour(LocalDate.parse("2026-11-13"), 12));
        first.commitLedger();
        assertThat(first.result().quarantinedByReason()).isEqualTo(Map.of("TOO_LATE", 2L));
        assertThat(tooLateRows()).isEqualTo(2);

        // nothing fixed yet: every row still fails and stays quarantined
        assertThat(replay(spec).status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(lake.clickIdsByPartition("curated", LocalDate.parse("2026-10-13"))).isEmpty();

        RunResult replayed = replay(withHorizon(40));
        assertThat(replayed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(replayed.rowsIn()).isEqualTo(2); // taken from quarantine; one still fails
        assertThat(replayed.rowsOut()).isEqualTo(1);
        assertThat(replayed.partitions()).containsExactly("click_events/dt=2026-10-13/hr=12");
        Map<String, List<String>> stored = Map.of("dt=2026-10-13/hr=12", List.of("ancient"));
        assertThat(lake.clickIdsByPartition("curated", LocalDate.parse("2026-10-13"))).isEqualTo(stored);
        assertThat(tooLateRows()).isEqualTo(2); // the one that still fails is not quarantined a second time

        List<Row> markers = spark.read().parquet(config.lakeRoot() + "/_tidemark/replays/clickstream")
                .where("reason_code = 'TOO_LATE'").select("source_object", "offset", "reason_code", "run").collectAsList();
        assertThat(markers).hasSize(1);
        assertThat(markers.get(0).getString(0)).endsWith(object.getFileName().toString());
        assertThat(markers.get(0).getString(3)).isEqualTo(replayed.runId());

        RunResult again = replay(withHorizon(40));
        assertThat(again.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(again.rowsOut()).isZero();
        assertThat(lake.clickIdsByPartition("curated", LocalDate.parse("2026-10-13"))).isEqualTo(stored);
        Row lineage = spark.sql("SELECT _source_object, _arrival_ts FROM curated.click_events WHERE event_id = 'ancient'").first();
        assertThat(lineage.getTimestamp(1).toInstant()).isEqualTo(arrival.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void qualityRuleRowsReplayedAfterRelaxingTheRulesetAreStoredOnceAndRowsStillFailingStayQuarantined() throws Exception {
        Instant arrival = Instant.parse("2026-11-14T09:10:00Z");
        landing.write(arrival, "q",
                click("negart", arrival.minusSeconds(60)).replace("\"article_id\":7", "\"article_id\":-5"),
                click("neguser", arrival.minusSeconds(50)).replace("\"user_id\":42", "\"user_id\":-1"),
                click("fine", arrival.minusSeconds(40)));
        CurateOutcome first = new CurateJob(spark, config, new HiveCatalog(spark)).run(spec, LandingWindow.hour(LocalDate.parse("2026-11-14"), 9));
        first.commitLedger();
        assertThat(first.result().quarantinedByReason()).isEqualTo(Map.of("QUALITY_RULE", 2L));
        LocalDate day = LocalDate.parse("2026-11-14");
        assertThat(lake.clickIdsByPartition("curated", day)).isEqualTo(Map.of("dt=2026-11-14/hr=09", List.of("fine")));

        // the shipped rules still refuse both rows
        assertThat(replay(config, ReasonCode.QUALITY_RULE).status()).isEqualTo(RunStatus.SKIPPED);

        // relaxed: negative article ids are allowed now, negative user ids still are not
        java.nio.file.Path rules = workdir.resolve("relaxed-rules");
        java.nio.file.Files.createDirectories(rules);
        try (var shipped = java.nio.file.Files.list(java.nio.file.Path.of("schemas", "quality"))) {
            for (java.nio.file.Path file : shipped.toList()) {
                java.nio.file.Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        java.nio.file.Path clickRules = rules.resolve("click_events.dqdl");
        java.nio.file.Files.writeString(clickRules, java.nio.file.Files.readString(clickRules).replace("    ColumnValues \"article_id\" >= 0,\n", ""));
        RuntimeConfig relaxed = new RuntimeConfig(config.landingRoot(), config.lakeRoot(), config.catalog(), config.warehouse(),
                config.spark(), config.leases(), new io.tidemark.config.QualityConfig(rules.toString()));

        RunResult replayed = replay(relaxed, ReasonCode.QUALITY_RULE);
        assertThat(replayed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(replayed.rowsIn()).isEqualTo(2);
        assertThat(replayed.rowsOut()).isEqualTo(1);
        assertThat(replay(relaxed, ReasonCode.QUALITY_RULE).status()).as("stored once however often replay runs").isEqualTo(RunStatus.SKIPPED);

        assertThat(lake.clickIdsByPartition("curated", day)).isEqualTo(Map.of("dt=2026-11-14/hr=09", List.of("fine", "negart")));
        assertThat(spark.sql("SELECT article_id, user_id FROM curated.click_events WHERE event_id = 'negart'").collectAsList())
                .extracting(Row::toString).containsExactly("[-5,42]");
        spark.catalog().refreshTable("quarantine.clickstream");
        assertThat(spark.sql("SELECT raw FROM quarantine.clickstream WHERE reason_code = 'QUALITY_RULE'").collectAsList())
                .as("both stay in quarantine, once each; only the replayed one is marked").hasSize(2);
    }

    @Test
    void reasonsWhoseRowsHoldRawRecordTextAreRefusedNamingTheSupportedOnes() {
        assertThatThrownBy(() -> QuarantineReplay.requireReplayable("MALFORMED_JSON"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[QUALITY_RULE, TOO_LATE]").hasMessageContaining("MALFORMED_JSON");
        assertThatThrownBy(() -> QuarantineReplay.requireReplayable("NOPE")).isInstanceOf(ConfigException.class);
        assertThat(TidemarkCli.execute("replay", "clickstream", "--reason", "MALFORMED_JSON",
                "--workdir", workdir.resolve("unused").toString())).isEqualTo(2);
        assertThat(TidemarkCli.execute("replay", "clickstream", "--reason", "TOO_LATE", "--from", "2026-10-03", "--to", "2026-10-01",
                "--workdir", workdir.resolve("unused").toString())).isEqualTo(2);
    }
}
