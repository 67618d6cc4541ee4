package io.tidemark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.QualityConfig;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.landing.LandingWindow;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.testing.LocalSpark;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 3: a stream with dynamic partitioning ({@code !{partitionKeyFromQuery:customer_id}} in its
 * Prefix) lands two customers' objects in the same hours; the curated rows carry {@code _partition_customer_id}
 * with the value from their own object's key, a blocking quality rule can use the column, a rerun is SKIPPED, the
 * catalog table has the column, and a job without keys writing the same datasets leaves it null.
 */
class PartitionKeyCurateTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final String COLUMN = "_partition_customer_id";

    @TempDir
    static Path workdir;

    private static TidemarkRuntime runtime;
    private static JobSpec keyed;
    private static Map<String, GeneratedLanding> customers;
    private static GeneratedLanding unkeyed;
    private static Path rules;

    @BeforeAll
    static void start() throws IOException {
        Path landing = workdir.resolve("landing");
        customers = new TreeMap<>();
        customers.put("acme", generate(landing, 11, "cwkeys/acme", "2026-11-24T10:00:00Z"));
        customers.put("globex", generate(landing, 12, "cwkeys/globex", "2026-11-24T10:00:00Z"));
        unkeyed = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small().withSeed(13)
                .withFirstHour(Instant.parse("2026-11-27T10:00:00Z"))).generate(landing));
        keyed = new JsonConfigReader().read(new ByteArrayInputStream(("{\"job\":\"cwkeys\","
                + "\"landingPrefix\":\"cwkeys/!{partitionKeyFromQuery:customer_id}/!{timestamp:yyyy/MM/dd/HH}/\","
                + "\"errorOutputPrefix\":\"errors/cwkeys/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/\","
                + "\"source\":{\"family\":\"cloudwatch_logs\",\"flowLogGroupPattern\":\"(?i).*flow-?logs.*\"},"
                + "\"datasets\":[\"vpc_flow_logs\",\"app_logs\"]}").getBytes(StandardCharsets.UTF_8)), "cwkeys.json", JobSpec.class);

        rules = Files.createDirectories(workdir.resolve("rules"));
        RuntimeConfig base = LocalSpark.config(workdir);
        runtime = new TidemarkRuntime(workdir, new RuntimeConfig(base.landingRoot(), base.lakeRoot(), base.catalog(),
                base.warehouse(), base.spark(), base.leases(), new QualityConfig(rules.toString())));
    }

    private static GeneratedLanding generate(Path landing, long seed, String folder, String firstHour) throws IOException {
        return GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small().withSeed(seed)
                .withFirstHour(Instant.parse(firstHour)), folder, HOURS).generate(landing));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void rowsCarryTheirObjectsKeyValueAndAJobWithoutKeysLeavesItNull() throws IOException {
        assertThat(keyed.partitionKeyColumns()).extracting(c -> c.column()).containsExactly(COLUMN);
        JobRunner runner = new JobRunner(runtime, QUIET);
        // for the keyed job's run, app_logs' blocking rules use the key column: no row without a customer, both customers
        Path appLogsRules = rules.resolve("app_logs.dqdl");
        Files.writeString(appLogsRules, "Rules = [\n    RowCount > 0,\n    IsComplete \"event_id\",\n"
                + "    ColumnValues \"" + COLUMN + "\" in [\"acme\", \"globex\"] with threshold >= 1.0,\n"
                + "    DistinctValuesCount \"" + COLUMN + "\" = 2\n]\n");

        RunResult first = runner.run(keyed, LandingWindow.day(DAY), false);
        RunResult rerun = runner.run(keyed, LandingWindow.day(DAY), false);
        Files.delete(appLogsRules);
        RunResult other = runner.run(new JobSpecs().get("cwlogs"), LandingWindow.day(LocalDate.of(2026, 11, 27)), false);

        assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.objects()).isEqualTo(customers.values().stream().mapToLong(l -> l.objects().size()).sum());
        assertThat(first.quality().failed()).isEmpty();
        assertThat(first.quality().passed()).as("the rules on the key column ran").isPositive();
        assertThat(rerun.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(other.status()).as(String.valueOf(other.error())).isEqualTo(RunStatus.SUCCEEDED);

        for (String table : List.of("vpc_flow_logs", "app_logs")) {
            assertThat(runtime.spark().table("curated." + table).columns()).as(table).contains(COLUMN);
            // the value is the customer_id segment of the row's own object key
            assertThat(runtime.spark().sql("SELECT count(*) FROM curated." + table + " WHERE dt <= '2026-11-25' AND ("
                    + COLUMN + " IS NULL OR _source_object NOT LIKE concat('%/cwkeys/', " + COLUMN + ", '/%'))")
                    .first().getLong(0)).as(table + " rows whose key column does not match their object").isZero();
            assertThat(runtime.spark().sql("SELECT count(*) FROM curated." + table + " WHERE dt >= '2026-11-26' AND "
                    + COLUMN + " IS NOT NULL").first().getLong(0)).as(table + " rows of the job without keys").isZero();
        }
        Map<String, Long> flows = counts("vpc_flow_logs");
        Map<String, Long> apps = counts("app_logs");
        customers.forEach((customer, landing) -> {
            assertThat(flows.get(customer)).as("flows of " + customer).isEqualTo(landing.flowEvents());
            assertThat(apps.get(customer)).as("app events of " + customer).isEqualTo(landing.appEvents());
        });
        assertThat(flows.get("none")).isEqualTo(unkeyed.flowEvents());
        assertThat(apps.get("none")).isEqualTo(unkeyed.appEvents());
    }

    private static Map<String, Long> counts(String table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : runtime.spark().sql("SELECT coalesce(" + COLUMN + ", 'none'), count(*) FROM curated." + table
                + " GROUP BY 1").collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }
}
