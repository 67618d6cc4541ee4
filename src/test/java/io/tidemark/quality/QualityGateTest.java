package io.tidemark.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.QualityConfig;
import io.tidemark.testing.LocalSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules read as they run: thresholds on {@code ColumnValues}, freshness against the run's window. */
class QualityGateTest {
    private static final RunWindow HOUR_10 = new RunWindow("run-1", Instant.parse("2026-11-24T10:00:00Z"),
            Instant.parse("2026-11-24T11:00:00Z"));

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static Dataset<Row> clicks;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(workdir);
        // 19 clicks and one 'share' written by run-1 in hour 10, and one older row of run-0
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(RowFactory.create("e" + i, i < 19 ? "click" : "share", Timestamp.from(Instant.parse("2026-11-24T10:05:00Z").plusSeconds(60L * i)), "run-1"));
        }
        rows.add(RowFactory.create("old", "click", Timestamp.from(Instant.parse("2026-11-24T09:00:00Z")), "run-0"));
        clicks = spark.createDataFrame(rows, new StructType().add("event_id", DataTypes.StringType).add("action", DataTypes.StringType)
                .add("event_ts", DataTypes.TimestampType).add("_run_id", DataTypes.StringType)).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aColumnValuesThresholdIsTheShareOfRowsThatMustComply() {
        QualityOutcome outcome = warn(
                "ColumnValues \"action\" in [\"click\", \"impression\"] with threshold >= 0.9",
                "ColumnValues \"action\" in [\"click\", \"impression\"] with threshold > 0.99",
                "ColumnValues \"action\" in [\"click\", \"impression\"]");

        assertThat(outcome.passed()).as("compliance 20/21 meets >= 0.9").isEqualTo(1);
        assertThat(outcome.warnings()).containsExactly(
                "click_events: ColumnValues \"action\" in [\"click\",\"impression\"] with threshold > 0.99: observed 0.9523809523809523",
                "click_events: ColumnValues \"action\" in [\"click\",\"impression\"]: observed 0.9523809523809523");
    }

    @Test
    void freshnessRulesJudgeTheRunsRowsAgainstItsWindowNotTheWallClock() {
        String future = "CustomSql \"select count(*) from primary p join run_window w on p._run_id = w.run_id"
                + " where p.event_ts > w.window_end + interval 15 minutes\" = 0";
        String stale = "CustomSql \"select coalesce((unix_timestamp(max(w.window_end)) - unix_timestamp(max(p.event_ts))) / 3600, 0)"
                + " from primary p join run_window w on p._run_id = w.run_id\" <= 3";

        QualityOutcome inWindow = warn(future, stale);
        QualityOutcome dayLater = gate().check(rules(future, stale), clicks,
                new RunWindow("run-1", HOUR_10.start().plusSeconds(86_400), HOUR_10.end().plusSeconds(86_400)));
        QualityOutcome hourBefore = gate().check(rules(future, stale), clicks,
                new RunWindow("run-1", HOUR_10.start().minusSeconds(3_600), HOUR_10.end().minusSeconds(3_600)));

        assertThat(inWindow.warnings()).as("a backfill of an old window is as fresh as its hourly run was").isEmpty();
        assertThat(inWindow.passed()).isEqualTo(2);
        assertThat(dayLater.warnings()).singleElement().asString().startsWith("click_events: CustomSql").endsWith("observed 24.6");
        assertThat(hourBefore.warnings()).singleElement().asString().contains("interval 15 minutes").endsWith("observed 9");
    }

    private static QualityOutcome warn(String... rules) {
        return gate().check(rules(rules), clicks, HOUR_10);
    }

    private static QualityGate gate() {
        return new QualityGate(new QualityRulesets(QualityConfig.defaults()));
    }

    private static DatasetRules rules(String... rules) {
        return new DatasetRules("click_events", Optional.empty(),
                Optional.of(Ruleset.parse("click_events.warn.dqdl", "Rules = [\n    " + String.join(",\n    ", rules) + "\n]")));
    }
}
