package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.demo.CloudWatchLandingGenerator;
import io.tidemark.demo.CloudWatchLandingSettings;
import io.tidemark.demo.GeneratedLanding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DQDL quality gate as a user meets it: {@code tidemark run cwlogs} with a copy of the shipped rulesets
 * ({@code quality.rulesDir} in the runtime config) to which a test adds rules, as a user would edit
 * {@code schemas/quality/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityGateCliTest {
    private static final String HUGE_ROW_COUNT = "RowCount > 100000000";

    @TempDir
    static Path tmp;

    private static Path rules;
    private static Path workdir;
    private static ZonedDateTime firstHour;

    @BeforeAll
    static void generate() throws Exception {
        GeneratedLanding landing = GeneratedLanding.of(new CloudWatchLandingGenerator(CloudWatchLandingSettings.small()).generate(tmp.resolve("landing")));
        firstHour = landing.settings().firstHour().atZone(ZoneOffset.UTC);
        workdir = tmp.resolve("work");
        rules = tmp.resolve("quality");
        Files.createDirectories(rules);
        try (Stream<Path> shipped = Files.list(Path.of("schemas", "quality"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
    }

    @Test
    @Order(1)
    void aFailingBlockingRuleExits3NamingTheRuleAndPublishesNothing() throws Exception {
        addRule("vpc_flow_logs.dqdl", HUGE_ROW_COUNT);

        CapturedCli run = run(firstHour);

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(3);
        JsonNode result = run.resultLine();
        assertThat(result.get("status").asText()).isEqualTo("FAILED");
        assertThat(result.get("error").get("code").asText()).isEqualTo("QUALITY_GATE_FAILED");
        assertThat(texts(result.get("quality").get("failed")))
                .singleElement().asString().matches("vpc_flow_logs: RowCount > 100000000: observed [1-9][0-9]*");
        assertThat(Files.exists(workdir.resolve("warehouse"))).as("nothing loaded").isFalse();
    }

    @Test
    @Order(2)
    void theSameRuleAsAWarningPublishesAndIsListed() throws Exception {
        removeRule("vpc_flow_logs.dqdl", HUGE_ROW_COUNT);
        addRule("vpc_flow_logs.warn.dqdl", HUGE_ROW_COUNT);

        CapturedCli run = run(firstHour, "--skip-load");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        JsonNode result = run.resultLine();
        assertThat(result.get("status").asText()).as("the failed run committed no ledger entry").isEqualTo("SUCCEEDED");
        assertThat(result.get("rows_out").asLong()).isPositive();
        assertThat(result.get("rows_duplicate").asLong()).as("the failed run published nothing").isZero();
        assertThat(texts(result.get("quality").get("failed"))).isEmpty();
        assertThat(texts(result.get("quality").get("warnings")))
                .anyMatch(w -> w.matches("vpc_flow_logs: RowCount > 100000000: observed [1-9][0-9]*"));
        assertThat(result.get("quality").get("passed").asInt()).isPositive();
    }

    @Test
    @Order(3)
    void rowsFailingARowLevelRuleAreQuarantinedWithTheRuleAndTheRestPublished() throws Exception {
        removeRule("vpc_flow_logs.warn.dqdl", HUGE_ROW_COUNT);
        addRule("vpc_flow_logs.dqdl", "ColumnValues \"action\" in [\"ACCEPT\", NULL]");

        CapturedCli run = run(firstHour.plusHours(1), "--skip-load");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        JsonNode result = run.resultLine();
        long rejected = result.get("quarantined_by_reason").path("QUALITY_RULE").asLong();
        assertThat(rejected).as("REJECT flows quarantined").isPositive();
        assertThat(texts(result.get("quality").get("failed"))).isEmpty();

        CapturedCli lake = CapturedCli.run("sql", "--lake", "--workdir", workdir.toString(), "--config", tmp.resolve("runtime.json").toString(),
                "--format", "csv", "SELECT (SELECT COUNT(*) FROM quarantine.cwlogs WHERE reason_code = 'QUALITY_RULE'"
                        + " AND detail LIKE '%ColumnValues \"action\" in [\"ACCEPT\",NULL]%' AND raw LIKE '%REJECT%') AS quarantined,"
                        + " (SELECT COUNT(*) FROM curated.vpc_flow_logs WHERE action = 'REJECT') AS published_rejects,"
                        + " (SELECT COUNT(*) FROM curated.vpc_flow_logs WHERE action = 'ACCEPT') AS published_accepts");
        assertThat(lake.exitCode()).isZero();
        List<String> lines = lake.stdout().lines().filter(l -> !l.startsWith("{")).toList();
        assertThat(lines).contains("quarantined,published_rejects,published_accepts");
        String[] counts = lines.get(lines.indexOf("quarantined,published_rejects,published_accepts") + 1).split(",");
        assertThat(Long.parseLong(counts[0])).isEqualTo(rejected);
        assertThat(Long.parseLong(counts[1])).as("REJECT rows of the first hour, published before the rule").isPositive();
        assertThat(Long.parseLong(counts[2])).isPositive();
    }

    @Test
    @Order(4)
    void qualityHistoryPrintsTheRowCountOfEachPublishedPartition() throws Exception {
        CapturedCli history = CapturedCli.run("quality", "history", "vpc_flow_logs", "--format", "csv",
                "--workdir", workdir.toString(), "--config", tmp.resolve("runtime.json").toString());

        assertThat(history.exitCode()).as(history.stdout()).isZero();
        List<String> lines = history.stdout().lines().filter(l -> !l.startsWith("{")).toList();
        assertThat(lines.get(0)).isEqualTo("recorded_at,run_id,partition,hour_of_day,metric,value");
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allMatch(l -> l.contains(",dt=") && l.contains(",Size,"))
                .anyMatch(l -> l.contains("/hr=" + String.format("%02d", firstHour.getHour()) + ","));
    }

    private static CapturedCli run(ZonedDateTime hour, String... more) throws Exception {
        Path config = tmp.resolve("runtime.json");
        Files.writeString(config, "{\"landingRoot\": \"" + tmp.resolve("landing").toUri() + "\", "
                + "\"quality\": {\"rulesDir\": \"" + rules + "\"}}");
        List<String> args = new ArrayList<>(List.of("run", "cwlogs", "--date", hour.toLocalDate().toString(),
                "--hour", String.valueOf(hour.getHour()), "--workdir", workdir.toString(), "--config", config.toString()));
        args.addAll(List.of(more));
        return CapturedCli.run(args.toArray(String[]::new));
    }

    private static void addRule(String file, String rule) throws Exception {
        Path path = rules.resolve(file);
        String text = Files.exists(path) ? Files.readString(path) : "Rules = [\n]\n";
        int end = text.lastIndexOf(']');
        String before = text.substring(0, end).stripTrailing();
        String separator = before.endsWith("[") ? "\n    " : ",\n    ";
        Files.writeString(path, before + separator + rule + "\n]\n");
    }

    private static void removeRule(String file, String rule) throws Exception {
        Path path = rules.resolve(file);
        String text = Files.readString(path).replace(",\n    " + rule + "\n", "\n").replace("\n    " + rule + "\n", "\n");
        Files.writeString(path, text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
