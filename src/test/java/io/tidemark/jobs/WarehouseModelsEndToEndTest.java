package io.tidemark.jobs;

import io.tidemark.warehouse.model.ArticleEventsModel;
import io.tidemark.warehouse.model.EmailEventsModel;
import io.tidemark.warehouse.model.ModelDateLoad;
import io.tidemark.warehouse.model.ModelLoadContext;
import io.tidemark.warehouse.model.ModelLoadResult;
import io.tidemark.warehouse.model.SecurityFindingsModel;
import io.tidemark.warehouse.model.WarehouseModel;
import io.tidemark.warehouse.model.WarehouseModels;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.demo.ArticleCtr;
import io.tidemark.demo.ArticleEventKey;
import io.tidemark.demo.ClickstreamLandingGenerator;
import io.tidemark.demo.ClickstreamLandingSettings;
import io.tidemark.demo.DayArticle;
import io.tidemark.demo.DayEventType;
import io.tidemark.demo.GeneratedClickstream;
import io.tidemark.demo.GuardDutyFindingState;
import io.tidemark.demo.GuardDutyGeneratedLanding;
import io.tidemark.demo.GuardDutyLandingGenerator;
import io.tidemark.demo.GuardDutyLandingSettings;
import io.tidemark.demo.SesGeneratedLanding;
import io.tidemark.demo.SesLandingGenerator;
import io.tidemark.demo.SesLandingSettings;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.WindowDiscovery;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import io.tidemark.warehouse.ArticleKey;
import io.tidemark.warehouse.TableDump;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three event models through the real path: generated landings -> curate (discover, parse, dedup, publish) ->
 * warehouse load (Spark rows -> COPY FROM STDIN -> delete/insert or MERGE -> audit) on one local Spark and one
 * embedded PostgreSQL; every fact and view compared with figures the generators computed from what they wrote.
 * dim_user is loaded by another model: the test writes a few versions itself to check the join at event time.
 */
class WarehouseModelsEndToEndTest {
    private static final LocalDateTime FOREVER = LocalDateTime.of(9999, 12, 31, 0, 0);
    private static final LocalDateTime CHANGE = LocalDateTime.of(2026, 11, 24, 11, 0);
    /** Versions written for three users who click in both landing hours (10 and 11 UTC): see {@link #userVersions}. */
    private static final List<UserVersion> USER_VERSIONS = new ArrayList<>();

    @TempDir
    static Path workdir;

    private static TidemarkRuntime runtime;
    private static GeneratedClickstream clicks;
    private static SesGeneratedLanding ses;
    private static GuardDutyGeneratedLanding guardDuty;

    private record UserVersion(long userId, long userKey, LocalDateTime from, LocalDateTime to) {
    }

    @BeforeAll
    static void curateAndLoad() throws Exception {
        Path landing = workdir.resolve("landing");
        clicks = GeneratedClickstream.of(new ClickstreamLandingGenerator(ClickstreamLandingSettings.small()).generate(landing));
        USER_VERSIONS.addAll(userVersions());
        ses = SesGeneratedLanding.of(new SesLandingGenerator(SesLandingSettings.defaults()).generate(landing));
        guardDuty = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(landing));

        RuntimeConfig config = LocalSpark.config(workdir);
        runtime = new TidemarkRuntime(workdir, config);
        try (Connection connection = runtime.warehouse().open(); Statement statement = connection.createStatement()) {
            for (UserVersion v : USER_VERSIONS) {
                statement.execute("INSERT INTO tidemark.dim_user VALUES (" + v.userKey() + ", " + v.userId() + ", 'f', 1, '"
                        + v.from() + "', '" + v.to() + "', " + v.to().equals(FOREVER) + ")");
            }
        }
        JobRunner runner = new JobRunner(runtime, new PrintStream(OutputStream.nullOutputStream()));
        WindowDiscovery windows = new WindowDiscovery(runtime.spark().sparkContext().hadoopConfiguration());
        for (String job : List.of("clickstream", "ses", "guardduty")) {
            JobSpec spec = new JobSpecs().get(job);
            List<LandingWindow> found = windows.windows(runtime.config().landingRoot(), spec);
            assertThat(found).as(job).isNotEmpty();
            for (LandingWindow window : found) {
                assertThat(runner.run(spec, window, true).status()).as(job + " " + window).isNotEqualTo(RunStatus.FAILED);
            }
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void articleFactsAreTheGeneratedEventsWithTheUserVersionOfTheirHour() throws SQLException {
        Map<String, Long> expected = new TreeMap<>();
        clicks.articleEvents().forEach((ArticleEventKey key, Long count) -> expected.merge(
                key.date().toString().replace("-", "") + "|" + key.hour() + "|" + key.articleId() + "|"
                        + userKey(key.userId(), key.date().atTime(key.hour(), 0)) + "|" + key.action(),
                count, Long::sum));
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((key, count) -> expectedLines.add(key + "|" + count));

        assertThat(expectedLines).anyMatch(line -> line.contains("|7001|")).anyMatch(line -> line.contains("|7002|"))
                .anyMatch(line -> line.contains("|7003|")).anyMatch(line -> line.contains("|-1|"))
                .noneMatch(line -> line.contains("|7004|"));
        assertThat(sorted(query("SELECT f.datekey, f.hr, a.article_id, f.user_key, f.action, f.event_count "
                + "FROM tidemark.fact_article_events f JOIN tidemark.dim_article a USING (article_key)")))
                .containsExactlyElementsOf(sorted(expectedLines));
        assertThat(query("SELECT article_key, article_id FROM tidemark.dim_article ORDER BY article_id"))
                .containsExactlyElementsOf(new TreeSet<>(clicks.articleEvents().keySet().stream()
                        .map(ArticleEventKey::articleId).toList()).stream()
                        .map(id -> ArticleKey.of(id) + "|" + id).toList());
    }

    @Test
    void articleCtrViewEqualsTheGeneratedImpressionsAndClicks() throws SQLException {
        List<String> expected = new ArrayList<>();
        clicks.ctrByDayArticle().forEach((DayArticle key, ArticleCtr ctr) -> expected.add(key.date() + "|" + key.articleId()
                + "|" + ctr.impressions() + "|" + ctr.clicks() + "|"
                + (ctr.impressions() == 0 ? "<null>" : Double.toString((double) ctr.clicks() / ctr.impressions()))));

        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(query("SELECT d_prettydate, article_id, impressions, clicks, ctr FROM tidemark.v_article_ctr_daily "
                + "ORDER BY d_prettydate, article_id")).containsExactlyElementsOf(expected);
    }

    @Test
    void emailEngagementViewEqualsTheGeneratedEventsPerDayAndType() throws SQLException {
        List<String> expected = new ArrayList<>();
        ses.eventsByDayType().forEach((DayEventType key, Long events) -> expected.add(key.date() + "|" + key.eventType() + "|" + events));

        assertThat(query("SELECT COUNT(*) FROM tidemark.fact_email_events")).containsExactly(Long.toString(ses.rows()));
        assertThat(sorted(query("SELECT d_prettydate, event_type, events FROM tidemark.v_email_engagement_daily")))
                .containsExactlyElementsOf(sorted(expected));
    }

    @Test
    void securityFindingsHoldTheLatestUpdateOfEachFinding() throws SQLException {
        List<String> expected = new ArrayList<>();
        guardDuty.latestByFinding().forEach((String id, GuardDutyFindingState state) -> expected.add(id + "|" + state.type()
                + "|" + state.severity() + "|" + state.count() + "|"
                + Timestamp.valueOf(LocalDateTime.ofInstant(state.updatedAt(), ZoneOffset.UTC))));

        assertThat(query("SELECT finding_id, finding_type, severity, service_count, updated_at "
                + "FROM tidemark.fact_security_findings ORDER BY finding_id")).containsExactlyElementsOf(expected);
    }

    @Test
    void loadingAgainIsSkippedAndReloadingForReallyLeavesIdenticalTables() throws SQLException {
        List<String> before = dumpLoadedTables();
        ModelDateLoad byDate = new ModelDateLoad(runtime.modelContext());
        List<LocalDate> dates = List.of(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));
        List<String> models = List.of(ArticleEventsModel.MODEL, EmailEventsModel.MODEL, SecurityFindingsModel.MODEL);

        for (LocalDate date : dates) {
            for (String model : models) {
                byDate.load(WarehouseModels.named(model), date, "load-1");
            }
        }
        assertThat(dumpLoadedTables()).isEqualTo(before);
        List<ModelLoadResult> second = new ArrayList<>();
        for (LocalDate date : dates) {
            for (String model : models) {
                second.addAll(byDate.load(WarehouseModels.named(model), date, "load-2"));
            }
        }
        assertThat(second).isNotEmpty().allMatch(result -> result.outcome() == ModelLoadResult.Outcome.SKIPPED);

        execute("DELETE FROM tidemark.etl_load_audit WHERE dataset <> 'fact_flow_hourly'");
        List<ModelLoadResult> forced = new ArrayList<>();
        for (LocalDate date : dates) {
            for (String model : models) {
                forced.addAll(byDate.load(WarehouseModels.named(model), date, "load-3"));
            }
        }
        assertThat(forced).isNotEmpty().allMatch(result -> result.outcome() == ModelLoadResult.Outcome.LOADED);
        assertThat(dumpLoadedTables()).isEqualTo(before);
    }

    @Test
    void aStaleFindingUpdateIsIgnored() throws SQLException {
        List<String> before = query("SELECT * FROM tidemark.fact_security_findings ORDER BY finding_id");
        ModelDateLoad byDate = new ModelDateLoad(runtime.modelContext());
        WarehouseModel model = WarehouseModels.named(SecurityFindingsModel.MODEL);
        Map<String, List<PartitionVersion>> firstDay = byDate.published(model, LocalDate.of(2026, 11, 24));
        assertThat(firstDay).isNotEmpty();
        assertThat(guardDuty.latestByFinding().values()).anyMatch(state -> state.updatedAt().toString().startsWith("2026-11-25"));
        execute("DELETE FROM tidemark.etl_load_audit WHERE dataset = 'fact_security_findings'");

        List<ModelLoadResult> reloaded = model.load(runtime.modelContext(), "stale-run", firstDay);

        assertThat(reloaded).singleElement().extracting(ModelLoadResult::outcome).isEqualTo(ModelLoadResult.Outcome.LOADED);
        assertThat(query("SELECT * FROM tidemark.fact_security_findings ORDER BY finding_id")).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The first user clicking in both hours has one current version; the second changes version at 11:00 (so its
     * hour-10 and hour-11 events get different keys); the third's only version starts the next day (key -1).
     */
    private static List<UserVersion> userVersions() {
        List<Long> users = clicks.articleEvents().keySet().stream()
                .filter(key -> key.date().equals(LocalDate.of(2026, 11, 24)) && key.hour() == 10)
                .map(ArticleEventKey::userId)
                .filter(user -> clicks.articleEvents().keySet().stream()
                        .anyMatch(key -> key.userId() == user && key.hour() == 11))
                .distinct().sorted().limit(3).toList();
        assertThat(users).hasSize(3);
        return List.of(
                new UserVersion(users.get(0), 7001, LocalDateTime.of(2026, 11, 1, 0, 0), FOREVER),
                new UserVersion(users.get(1), 7002, LocalDateTime.of(2026, 11, 1, 0, 0), CHANGE),
                new UserVersion(users.get(1), 7003, CHANGE, FOREVER),
                new UserVersion(users.get(2), 7004, LocalDateTime.of(2026, 11, 25, 0, 0), FOREVER));
    }

    private static long userKey(long userId, LocalDateTime hourStart) {
        return USER_VERSIONS.stream()
                .filter(v -> v.userId() == userId && !v.from().isAfter(hourStart) && hourStart.isBefore(v.to()))
                .mapToLong(UserVersion::userKey).findFirst().orElse(-1L);
    }

    private static List<String> dumpLoadedTables() throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String table : List.of("dim_article", "fact_article_events", "fact_email_events", "fact_security_findings")) {
            query("SELECT * FROM tidemark." + table).stream().sorted().forEach(line -> lines.add(table + "|" + line));
        }
        return lines;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = runtime.warehouse().open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = runtime.warehouse().open()) {
            return TableDump.of(connection, sql);
        }
    }
}
