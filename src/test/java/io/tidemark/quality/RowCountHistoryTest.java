package io.tidemark.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** Row counts per partition recorded in Deequ's metrics repository in the lake, and its anomaly detection per hour of day. */
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
        RowCountHistory history = new RowCountHistory(spark, workdir.resolve("lake").toUri().toString());
        var schema = DatasetSchemas.get("vpc_flow_logs");

        List<String> first = history.checkAndRecord(schema, partitions("2026-11-24", 100, 100), "run-1", 1_000L);
        List<String> second = history.checkAndRecord(schema, partitions("2026-11-25", 10, 95), "run-2", 2_000L);

        assertThat(first).as("no history yet").isEmpty();
        assertThat(second).singleElement().asString()
                .startsWith("vpc_flow_logs: Anomaly RowCount of dt=2026-11-25/hr=11 against hour 11")
                .contains("observed 10");
        List<String> entries = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.json("vpc_flow_logs")).forEach(e -> entries.add(
                e.get("run_id").asText() + " " + e.get("partition").asText() + " " + e.get("hour_of_day").asText() + " "
                        + e.get("name").asText() + " " + e.get("value").asLong()));
        assertThat(entries).containsExactlyInAnyOrder("run-1 dt=2026-11-24/hr=11 11 Size 100", "run-1 dt=2026-11-24/hr=12 12 Size 100",
                "run-2 dt=2026-11-25/hr=11 11 Size 10", "run-2 dt=2026-11-25/hr=12 12 Size 95");
    }

    private static Dataset<Row> partitions(String day, int rowsAt11, int rowsAt12) {
        StructType struct = new StructType().add("event_id", DataTypes.StringType).add("dt", DataTypes.StringType).add("hr", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < rowsAt11; i++) {
            rows.add(RowFactory.create(day + "-11-" + i, day, "11"));
        }
        for (int i = 0; i < rowsAt12; i++) {
            rows.add(RowFactory.create(day + "-12-" + i, day, "12"));
        }
        return spark.createDataFrame(rows, struct);
    }
}
