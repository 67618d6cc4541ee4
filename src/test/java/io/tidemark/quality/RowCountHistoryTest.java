package io.tidemark.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.PartitionKey;
import io.tidemark.testing.LocalSpark;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row counts per partition recorded in Deequ's metrics repository in the lake, and its anomaly detection against comparable
 * earlier partitions (same hour of day, same day of week), skipped on short history and tiny counts.
 */
class RowCountHistoryTest {
    @TempDir
    static Path workdir;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(workdir);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aNinetyPercentDropAgainstTheSameHourOfEarlierDaysIsAWarning() throws Exception {
        RowCountHistory history = new RowCountHistory(spark, workdir.resolve("lake-hourly").toUri().toString());
        var schema = DatasetSchemas.get("vpc_flow_logs");

        // one backfill run over three days: the third day's drop at 12 has only two earlier days to compare with
        Map<PartitionKey, Long> threeDays = new LinkedHashMap<>(partitions("2026-11-22", 100, 100));
        threeDays.putAll(partitions("2026-11-23", 110, 100));
        threeDays.putAll(partitions("2026-11-24", 100, 30));
        List<String> backfill = history.checkAndRecord(schema, threeDays, "run-1", 1_000L);
        List<String> drop = history.checkAndRecord(schema, partitions("2026-11-25", 10, 95), "run-2", 2_000L);

        assertThat(backfill).as("fewer than " + RowCountHistory.MIN_HISTORY + " earlier days of the hour").isEmpty();
        assertThat(drop).singleElement().asString()
                .startsWith("vpc_flow_logs: Anomaly RowCount of dt=2026-11-25/hr=11 against hour 11 of earlier days")
                .endsWith("observed 10");
        List<String> entries = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.json("vpc_flow_logs")).forEach(e -> entries.add(
                e.get("run_id").asText() + " " + e.get("partition").asText() + " " + e.get("hour_of_day").asText() + " "
                        + e.get("name").asText() + " " + e.get("value").asLong()));
        assertThat(entries).hasSize(8).contains("run-1 dt=2026-11-22/hr=11 11 Size 100", "run-1 dt=2026-11-24/hr=12 12 Size 30",
                "run-2 dt=2026-11-25/hr=11 11 Size 10", "run-2 dt=2026-11-25/hr=12 12 Size 95");
    }

    @Test
    void countsTakenFromFootersAreRecordedAndJudgedLikeCountedRows() throws Exception {
        RowCountHistory history = new RowCountHistory(spark, workdir.resolve("lake-counts").toUri().toString());
        var schema = DatasetSchemas.get("vpc_flow_logs");
        List<String> days = List.of("2026-11-21", "2026-11-22", "2026-11-23");
        for (int d = 0; d < days.size(); d++) {
            assertThat(history.checkAndRecord(schema, Map.of(
                    PartitionKey.parse("vpc_flow_logs/dt=" + days.get(d) + "/hr=11"), 100L), "run-" + d, 1_000L * (d + 1)))
                    .isEmpty();
        }
        assertThat(history.checkAndRecord(schema, Map.of(
                PartitionKey.parse("vpc_flow_logs/dt=2026-11-24/hr=11"), 10L), "run-3", 4_000L))
                .singleElement().asString()
                .startsWith("vpc_flow_logs: Anomaly RowCount of dt=2026-11-24/hr=11 against hour 11 of earlier days")
                .endsWith("observed 10");
        List<String> recorded = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.json("vpc_flow_logs")).forEach(e -> recorded.add(
                e.get("run_id").asText() + " " + e.get("partition").asText() + " " + e.get("value").asLong()));
        assertThat(recorded).contains("run-0 dt=2026-11-21/hr=11 100", "run-3 dt=2026-11-24/hr=11 10");
    }

    @Test
    void tinyCountsAndDailyPartitionsOfOtherWeekdaysAreNotJudged() {
        RowCountHistory history = new RowCountHistory(spark, workdir.resolve("lake-daily").toUri().toString());
        var schema = DatasetSchemas.get("guardduty_findings");

        // Mondays 2026-11-02, -09, -16 with 200 rows; the other days with 7
        Map<PartitionKey, Long> weeks = days(LocalDate.parse("2026-11-02"), 21, day -> day.getDayOfWeek() == DayOfWeek.MONDAY ? 200 : 7);
        assertThat(history.checkAndRecord(schema, weeks, "run-1", 1_000L)).isEmpty();

        // Tuesday 2026-11-24 with 2 rows: its earlier Tuesdays had 7, too few to judge
        assertThat(history.checkAndRecord(schema, days(LocalDate.parse("2026-11-24"), 1, day -> 2), "run-2", 2_000L)).isEmpty();
        // Monday 2026-11-23 with 20 rows: a 90% drop against the earlier Mondays
        assertThat(history.checkAndRecord(schema, days(LocalDate.parse("2026-11-23"), 1, day -> 20), "run-3", 3_000L))
                .singleElement().asString()
                .isEqualTo("guardduty_findings: Anomaly RowCount of dt=2026-11-23 against earlier Mondays (RelativeRateOfChange,"
                        + " max decrease 0.5, previous 200): observed 20");
    }

    /** The daily partitions of guardduty_findings from {@code first} on, with their row counts. */
    private static Map<PartitionKey, Long> days(LocalDate first, int count, java.util.function.ToIntFunction<LocalDate> rowsOf) {
        Map<PartitionKey, Long> counts = new LinkedHashMap<>();
        for (int d = 0; d < count; d++) {
            LocalDate day = first.plusDays(d);
            counts.put(PartitionKey.parse("guardduty_findings/dt=" + day), (long) rowsOf.applyAsInt(day));
        }
        return counts;
    }

    /** Hours 11 and 12 of a day of vpc_flow_logs, with their row counts. */
    private static Map<PartitionKey, Long> partitions(String day, int rowsAt11, int rowsAt12) {
        return Map.of(PartitionKey.parse("vpc_flow_logs/dt=" + day + "/hr=11"), (long) rowsAt11,
                PartitionKey.parse("vpc_flow_logs/dt=" + day + "/hr=12"), (long) rowsAt12);
    }
}
