package io.tidemark.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.QualityConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped DQDL rulesets parse with the DQDL version Deequ runs here; a rule it cannot read is named. */
class RulesetTest {
    @TempDir
    Path tmp;

    @Test
    void everyCuratedDatasetShipsABlockingRulesetThatParses() throws IOException {
        List<String> datasets;
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            datasets = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        QualityRulesets rulesets = new QualityRulesets(QualityConfig.defaults());
        for (String dataset : datasets) {
            DatasetRules rules = rulesets.of(dataset);
            assertThat(rules.blocking()).as(dataset).isPresent();
            assertThat(rules.blocking().get().rules()).as(dataset).isNotEmpty();
        }
        assertThat(rulesets.of("vpc_flow_logs").rowLevel()).extracting(Object::toString)
                .contains("IsComplete \"event_id\"", "ColumnValues \"action\" in [\"ACCEPT\",\"REJECT\",NULL]")
                .noneMatch(rule -> rule.startsWith("RowCount") || rule.startsWith("IsUnique") || rule.startsWith("CustomSql"));
    }

    @Test
    void aRuleDqdlCannotReadIsNamedWithFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("vpc_flow_logs.dqdl"), "Rules = [\n    RowCount > 0,\n    IsCompleted \"event_id\",\n    IsUnique \"event_id\"\n]\n");

        assertThatThrownBy(() -> new QualityRulesets(new QualityConfig(tmp.toString())).of("vpc_flow_logs"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(tmp.resolve("vpc_flow_logs.dqdl").toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("IsCompleted \"event_id\"");
    }

    @Test
    void dataFreshnessIsRefusedBecauseDeequMeasuresItAgainstTheWallClock() {
        assertThatThrownBy(() -> Ruleset.parse("schemas/quality/click_events.dqdl",
                "Rules = [\n    RowCount > 0,\n    DataFreshness \"event_ts\" <= 24 hours\n]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schemas/quality/click_events.dqdl, line 3")
                .hasMessageContaining("DataFreshness \"event_ts\" <= 24 hours")
                .hasMessageContaining("run_window");
    }
}
