package io.tidemark.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.RunContext;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.lake.PartitionVersionWriter;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.testing.SparkFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The merge of a batch into partitions nothing is published of: dedup, and how many shuffles it takes. */
class PartitionMergerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final RunContext CONTEXT = new RunContext("cwlogs", "run-1", LandingWindow.day(DAY),
            Instant.parse("2026-11-25T01:00:00Z"));
    private static final PublishedRows NOTHING_PUBLISHED = partitions -> Optional.empty();

    @RegisterExtension
    static final SparkFixture fixture = new SparkFixture();

    @Test
    void aKeyThatFixesThePartitionIsDedupedByTheWritesOwnShuffle() throws Exception {
        DatasetSchema appLogs = DatasetSchemas.get("app_logs");
        // event 1 redelivered by a later object, event 2 twice in one object: the first by object and offset stays
        Dataset<Row> batch = fixture.session().createDataFrame(List.of(
                appLog("1", 9, "s3://l/b.gz", 0, "redelivered"),
                appLog("1", 9, "s3://l/a.gz", 3, "first delivery"),
                appLog("2", 9, "s3://l/a.gz", 5, "kept"),
                appLog("2", 9, "s3://l/a.gz", 7, "repeated"),
                appLog("3", 10, "s3://l/a.gz", 9, "next hour")), DatasetStructs.sourceRow(appLogs)).repartition(3);

        MergedPartitions merged = new PartitionMerger().merge(appLogs, batch, CONTEXT, NOTHING_PUBLISHED);

        assertThat(merged.clustered()).isTrue();
        assertThat(merged.batchRows()).isEqualTo(5);
        assertThat(merged.changed()).extracting(key -> key.path()).containsExactly("dt=2026-11-24/hr=09", "dt=2026-11-24/hr=10");
        String plan = merged.rows().queryExecution().executedPlan().toString();
        assertThat(plan.split("Exchange hashpartitioning", -1)).as(plan).hasSize(2);
        assertThat(plan).contains("Exchange hashpartitioning(dt#");

        List<PartitionVersion> versions = new PartitionVersionWriter().write(appLogs, merged,
                fixture.workdir().resolve("lake/app_logs/v1").toUri().toString());

        Dataset<Row> written = fixture.session().read().schema(DatasetStructs.curatedRow(appLogs))
                .parquet(fixture.workdir().resolve("lake/app_logs/v1").toString());
        assertThat(written.orderBy("event_id").collectAsList()).extracting(row -> row.getAs("event_id") + "|"
                        + row.getAs("message") + "|" + row.getAs("_source_object") + "|" + row.getAs("hr"))
                .containsExactly("1|first delivery|s3://l/a.gz|09", "2|kept|s3://l/a.gz|09", "3|next hour|s3://l/a.gz|10");
        assertThat(versions).hasSize(2);
        for (PartitionVersion version : versions) {
            Path folder = Path.of(java.net.URI.create(version.location()));
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.filter(f -> f.getFileName().toString().endsWith(".parquet"))).hasSize(1);
            }
        }
    }

    @Test
    void aKeyThatDoesNotFixThePartitionKeepsTheDedupShuffleByKey() {
        DatasetSchema sales = DatasetSchemas.get("sales_changes");

        assertThat(sales.keyFixesPartition()).isFalse();
        MergedPartitions merged = new PartitionMerger().merge(sales,
                fixture.session().createDataFrame(List.of(), DatasetStructs.sourceRow(sales)), CONTEXT, NOTHING_PUBLISHED);
        assertThat(merged.clustered()).isFalse();
    }

    @Test
    void onlyKeysThatNameTheRecordOrHoldItsEventTimeFixThePartition() {
        assertThat(Stream.of("vpc_flow_logs", "app_logs", "ses_events", "guardduty_findings", "click_events",
                "sales_changes", "users_ref", "quarantine").filter(name -> DatasetSchemas.get(name).keyFixesPartition()))
                .containsExactly("vpc_flow_logs", "app_logs", "ses_events", "guardduty_findings");
    }

    private static Row appLog(String id, int hour, String object, long offset, String message) {
        Instant at = DAY.atTime(hour, 30).toInstant(java.time.ZoneOffset.UTC);
        return RowFactory.create(id, Timestamp.from(at), "123456789012", "/app", "stream", message, object, offset,
                Timestamp.from(at.plusSeconds(60)), DAY.toString(), String.format("%02d", hour));
    }
}
