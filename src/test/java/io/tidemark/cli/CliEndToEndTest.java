package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.DayAction;
import io.tidemark.demo.FlowHourKey;
import io.tidemark.demo.FlowTotals;
import io.tidemark.demo.GeneratedLanding;
import io.tidemark.demo.InterfaceDay;
import io.tidemark.warehouse.EmbeddedWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it, in-process: {@code demo} over a generated landing tree, then the warehouse figures
 * against the generator's own counts, a rerun that changes nothing, {@code sql}, and usage errors. Each CLI
 * command starts and stops its own Spark session and embedded PostgreSQL, as separate processes would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path workdir;
    private static GeneratedLanding landing;

    @BeforeAll
    static void generate() throws Exception {
        landing = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(tmp.resolve("landing")));
        workdir = tmp.resolve("work");
    }

    @Test
    @Order(1)
    void demoLoadsTheWarehouseWithTheGeneratorsFigures() throws Exception {
        Cli demo = Cli.run("demo", "--landing", tmp.resolve("landing").toString(), "--workdir", workdir.toString());

        assertThat(demo.exitCode).isZero();
        JsonNode result = demo.resultLine();
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("rows_out").asLong()).isEqualTo(landing.flowEvents() + landing.appEvents());
        assertThat(result.get("rows_duplicate").asLong()).isEqualTo(landing.redeliveredEvents());
        assertThat(result.get("rows_quarantined").asLong()).isEqualTo(landing.quarantined());
        assertThat(result.get("control_messages").asLong()).isEqualTo(landing.controlMessages());
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(demo.stdout).contains("REJECT top talkers", "Flows and bytes by day and action");

        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(workdir));
             Connection connection = warehouse.dataSource().getConnection()) {
            assertThat(hourlyFacts(connection)).isEqualTo(expectedHourly());
            assertThat(rejectsView(connection)).isEqualTo(expectedRejects());
            assertThat(dailyByAction(connection)).isEqualTo(expectedDaily());
        }
    }

    @Test
    @Order(2)
    void rerunningAWindowIsSkippedAndLeavesTheWarehouseIdentical() throws Exception {
        List<String> before = dumpWarehouse();
        ZonedDateTime first = landing.settings().firstHour().atZone(ZoneOffset.UTC);
        Cli rerun = Cli.run("run", "cwlogs", "--date", first.toLocalDate().toString(), "--hour", String.valueOf(first.getHour()),
                "--workdir", workdir.toString(), "--config", writeConfig().toString());
        assertThat(rerun.exitCode).isZero();
        assertThat(rerun.resultLine().get("status").asText()).isEqualTo("SKIPPED");
        assertThat(dumpWarehouse()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void loadingADateAgainIsSkippedAndKeepsTheFacts() throws Exception {
        String day = landing.settings().firstHour().atZone(ZoneOffset.UTC).toLocalDate().toString();
        Cli first = Cli.run("load", "flow_hourly", "--date", day, "--workdir", workdir.toString(), "--config", writeConfig().toString());
        assertThat(first.exitCode).isZero();
        List<String> afterFirst = dumpWarehouse();

        Cli second = Cli.run("load", "flow_hourly", "--date", day, "--workdir", workdir.toString(), "--config", writeConfig().toString());

        assertThat(second.exitCode).isZero();
        assertThat(second.resultLine().get("status").asText()).isEqualTo("SKIPPED");
        assertThat(second.resultLine().get("partitions")).isNotEmpty();
        assertThat(dumpWarehouse()).isEqualTo(afterFirst);
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(workdir));
             Connection connection = warehouse.dataSource().getConnection()) {
            assertThat(hourlyFacts(connection)).isEqualTo(expectedHourly());
        }
    }

    @Test
    @Order(3)
    void sqlPrintsCsvThenTheResultLine() throws Exception {
        Cli sql = Cli.run("sql", "--workdir", workdir.toString(), "--format", "csv",
                "SELECT action, SUM(flows) AS flows FROM fact_flow_hourly GROUP BY action ORDER BY action");
        assertThat(sql.exitCode).isZero();
        List<String> lines = sql.lines();
        assertThat(lines.get(0)).isEqualTo("action,flows");
        long accepted = expectedDaily().entrySet().stream().filter(e -> e.getKey().endsWith("ACCEPT"))
                .mapToLong(e -> e.getValue().get(0)).sum();
        assertThat(lines.get(1)).isEqualTo("ACCEPT," + accepted);
        assertThat(sql.resultLine().get("rows_out").asLong()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void usageAndConfigErrorsExitTwoWithAFailedResultLine() throws Exception {
        Cli badDate = Cli.run("run", "cwlogs", "--date", "yesterday", "--workdir", workdir.toString());
        assertThat(badDate.exitCode).isEqualTo(2);
        assertThat(badDate.resultLine().get("status").asText()).isEqualTo("FAILED");
        assertThat(badDate.resultLine().get("error").get("code").asText()).isEqualTo("BAD_CONFIG");

        Cli unknownJob = Cli.run("run", "nosuchjob", "--date", "2026-11-24", "--workdir", workdir.toString());
        assertThat(unknownJob.exitCode).isEqualTo(2);
        assertThat(unknownJob.resultLine().get("error").get("message").asText()).contains("nosuchjob", "cwlogs");

        Path badConfig = tmp.resolve("bad.json");
        java.nio.file.Files.writeString(badConfig, "{\"lakeRoot\": \"/tmp/x\", \"warehouse\": {\"urll\": \"jdbc:postgresql://h/db\"}}");
        Cli unknownKey = Cli.run("run", "cwlogs", "--date", "2026-11-24", "--workdir", workdir.toString(), "--config", badConfig.toString());
        assertThat(unknownKey.exitCode).isEqualTo(2);
        assertThat(unknownKey.resultLine().get("error").get("message").asText()).contains("bad.json", "warehouse.urll", "url");
    }

    @Test
    @Order(5)
    void aRunWhoseWarehouseLoadFailedIsRepairedByTheNextRun() throws Exception {
        Path otherWorkdir = tmp.resolve("work-repair");
        ZonedDateTime first = landing.settings().firstHour().atZone(ZoneOffset.UTC);
        String[] window = {"--date", first.toLocalDate().toString(), "--hour", String.valueOf(first.getHour())};
        Path unreachable = tmp.resolve("unreachable.json");
        java.nio.file.Files.writeString(unreachable, "{\"landingRoot\": \"" + tmp.resolve("landing").toUri()
                + "\", \"warehouse\": {\"url\": \"jdbc:postgresql://127.0.0.1:9/none\", \"passwordEnv\": \"TIDEMARK_TEST_UNSET_PASSWORD\"}}");

        Cli failed = Cli.run(concat(new String[] {"run", "cwlogs", "--workdir", otherWorkdir.toString(), "--config", unreachable.toString()}, window));
        assertThat(failed.exitCode).isEqualTo(2);
        assertThat(failed.resultLine().get("error").get("message").asText()).contains("TIDEMARK_TEST_UNSET_PASSWORD");

        Cli repaired = Cli.run(concat(new String[] {"run", "cwlogs", "--workdir", otherWorkdir.toString(), "--config", writeConfig().toString()}, window));
        assertThat(repaired.exitCode).isZero();
        JsonNode result = repaired.resultLine();
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("rows_out").asLong()).isZero();
        assertThat(result.get("rows_duplicate").asLong()).isPositive();
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(otherWorkdir));
             Connection connection = warehouse.dataSource().getConnection();
             Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(flows) FROM tidemark.fact_flow_hourly")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Path writeConfig() throws Exception {
        Path config = tmp.resolve("runtime.json");
        java.nio.file.Files.writeString(config, "{\"landingRoot\": \"" + tmp.resolve("landing").toUri() + "\"}");
        return config;
    }

    private static Map<String, Long> expectedRejects() {
        Map<String, Long> expected = new TreeMap<>();
        for (Map.Entry<InterfaceDay, FlowTotals> e : landing.rejectsByInterfaceDay().entrySet()) {
            expected.put(e.getKey().date() + " " + e.getKey().interfaceId() + " " + e.getValue().bytes(), e.getValue().flows());
        }
        return expected;
    }

    private static Map<String, Long> rejectsView(Connection connection) throws Exception {
        Map<String, Long> actual = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT d_prettydate, interface_id, flows, bytes FROM tidemark.v_flow_rejects_daily")) {
            while (rs.next()) {
                actual.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(4), rs.getLong(3));
            }
        }
        return actual;
    }

    private static Map<String, List<Long>> expectedHourly() {
        Map<String, List<Long>> expected = new TreeMap<>();
        for (Map.Entry<FlowHourKey, FlowTotals> e : landing.flowsHourly().entrySet()) {
            FlowHourKey k = e.getKey();
            expected.put(k.date().replace("-", "") + "/" + k.hour() + "/" + k.interfaceId() + "/" + k.action() + "/" + k.protocol(),
                    List.of(e.getValue().flows(), e.getValue().packets(), e.getValue().bytes()));
        }
        return expected;
    }

    private static Map<String, List<Long>> hourlyFacts(Connection connection) throws Exception {
        Map<String, List<Long>> actual = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT f.datekey, f.hr, i.interface_id, f.action, f.protocol, f.flows, f.packets, f.bytes
                FROM tidemark.fact_flow_hourly f JOIN tidemark.dim_network_interface i ON i.interface_key = f.interface_key""")) {
            while (rs.next()) {
                actual.put(rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getInt(5),
                        List.of(rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
        }
        return actual;
    }

    private static Map<String, List<Long>> expectedDaily() {
        Map<String, List<Long>> expected = new TreeMap<>();
        for (Map.Entry<DayAction, FlowTotals> e : landing.flowsByDayAction().entrySet()) {
            expected.put(e.getKey().date() + " " + e.getKey().action(),
                    List.of(e.getValue().flows(), e.getValue().packets(), e.getValue().bytes()));
        }
        return expected;
    }

    private static Map<String, List<Long>> dailyByAction(Connection connection) throws Exception {
        Map<String, List<Long>> actual = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT d.d_prettydate, f.action, SUM(f.flows), SUM(f.packets), SUM(f.bytes)
                FROM tidemark.fact_flow_hourly f JOIN tidemark.dim_date d ON d.d_datekey = f.datekey
                GROUP BY d.d_prettydate, f.action""")) {
            while (rs.next()) {
                actual.put(rs.getString(1) + " " + rs.getString(2), List.of(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return actual;
    }

    /** Every row of every Tidemark table, in a stable order. */
    private static List<String> dumpWarehouse() throws Exception {
        List<String> dump = new ArrayList<>();
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(EmbeddedWarehouse.dataDirectoryIn(workdir));
             Connection connection = warehouse.dataSource().getConnection();
             Statement s = connection.createStatement()) {
            for (String table : List.of("dim_network_interface", "fact_flow_hourly", "etl_load_audit")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM tidemark." + table + " ORDER BY 1, 2, 3")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        dump.add(row.toString());
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tidemark.dim_date")) {
                rs.next();
                dump.add("dim_date|" + rs.getLong(1));
            }
        }
        assertThat(dump).isNotEmpty();
        return dump;
    }

    /** One in-process CLI invocation with its stdout. */
    private record Cli(int exitCode, String stdout) {
        static Cli run(String... args) {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                int exit = TidemarkCli.execute(args);
                return new Cli(exit, captured.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(original);
                System.out.print(captured.toString(StandardCharsets.UTF_8));
            }
        }

        List<String> lines() {
            return stdout.lines().toList();
        }

        JsonNode resultLine() throws Exception {
            List<String> lines = lines();
            return JSON.readTree(lines.get(lines.size() - 1));
        }
    }
}
