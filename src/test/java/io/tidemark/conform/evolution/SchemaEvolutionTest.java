package io.tidemark.conform.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.hive.HiveCatalog;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.jobs.CurateJob;
import io.tidemark.jobs.CurateOutcome;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.RunContext;
import io.tidemark.ErrorCode;
import io.tidemark.ops.RunResult;
import io.tidemark.RunStatus;
import io.tidemark.TidemarkException;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.io.FileUtils;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema evolution of click_events on a real local Spark, a Derby-backed Hive metastore and real Parquet: hourly
 * clickstream windows run in order over one lake, as the scheduler would run them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaEvolutionTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final DatasetSchema CLICKS = DatasetSchemas.get("click_events");

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static RuntimeConfig config;
    private static JobSpec spec;

    @BeforeAll
    static void start() throws IOException {
        config = LocalSpark.config(workdir);
        spark = LocalSpark.start(workdir);
        spec = new JobSpecs().get("clickstream");
        land(10, "{\"event_id\":\"e-10-1\",\"article_id\":1,\"user_id\":7,\"action\":\"click\",\"timestamp\":\"2026-11-24T10:01:00Z\"}",
                "{\"event_id\":\"e-10-2\",\"article_id\":2,\"user_id\":8,\"action\":\"impression\",\"timestamp\":\"2026-11-24T10:02:00Z\"}");
        land(11, "{\"event_id\":\"e-11-1\",\"article_id\":1,\"user_id\":7,\"action\":\"click\",\"timestamp\":\"2026-11-24T11:01:00Z\",\"score\":3,\"ref\":\"news\",\"layout\":{\"a\":1}}",
                "{\"event_id\":\"e-11-2\",\"article_id\":2,\"user_id\":8,\"action\":\"click\",\"timestamp\":\"2026-11-24T11:02:00Z\",\"score\":4.5}",
                "{\"event_id\":\"e-11-3\",\"article_id\":3,\"user_id\":9,\"action\":\"click\",\"timestamp\":\"2026-11-24T11:03:00Z\",\"ref\":null}");
        land(12, "{\"event_id\":\"e-12-1\",\"article_id\":1,\"user_id\":7,\"action\":\"click\",\"timestamp\":\"2026-11-24T12:01:00Z\",\"score\":7}",
                "{\"event_id\":\"e-12-2\",\"article_id\":2,\"user_id\":8,\"action\":\"click\",\"timestamp\":\"2026-11-24T12:02:00Z\",\"score\":\"high\"}",
                "{\"event_id\":\"e-12-3\",\"article_id\":3,\"user_id\":9,\"action\":\"click\",\"timestamp\":\"2026-11-24T12:03:00Z\",\"score\":8}");
        land(13, "{\"event_id\":\"e-13-1\",\"article_id\":1,\"user_id\":7,\"action\":\"click\",\"timestamp\":\"2026-11-24T13:01:00Z\",\"ref\":42}",
                "{\"event_id\":\"e-13-2\",\"article_id\":2,\"user_id\":8,\"action\":\"click\",\"timestamp\":\"2026-11-24T13:02:00Z\",\"ref\":43}");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void land(int hour, String... records) throws IOException {
        String name = String.format("clicks-to-s3-1-2026-11-24-%02d-05-00-6b1e0f3a-2c1d-4e0b-9a77-1f2e3d4c5b%02d", hour, hour);
        Path file = workdir.resolve(String.format("landing/clickstream/2026/11/24/%02d/%s", hour, name));
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", records) + "\n", StandardCharsets.UTF_8);
    }

    private static RunResult run(int hour) {
        CurateOutcome outcome = new CurateJob(spark, config, new HiveCatalog(spark)).run(spec, LandingWindow.hour(DAY, hour));
        outcome.commitLedger();
        return outcome.result();
    }

    @Test
    @Order(1)
    void aNewOptionalFieldBecomesANullableColumnThatOldPartitionsReadAsNull() throws IOException {
        assertThat(run(10).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(spark.table("curated.click_events").columns()).doesNotContain("score", "ref");

        RunResult second = run(11);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.rowsOut()).isEqualTo(3);

        StructType table = spark.table("curated.click_events").schema();
        assertThat(table.apply("ref").dataType().simpleString()).isEqualTo("string");
        assertThat(table.apply("score").dataType().simpleString()).isEqualTo("double");
        assertThat(table.apply("score").nullable()).isTrue();
        assertThat(table.fieldNames()).doesNotContain("layout", DatasetStructs.NEW_FIELDS);

        Map<String, String> byEvent = new TreeMap<>();
        for (Row row : spark.sql("SELECT event_id, hr, score, ref FROM curated.click_events").collectAsList()) {
            byEvent.put(row.getString(0), row.getString(1) + " " + row.get(2) + " " + row.get(3));
        }
        assertThat(byEvent).containsExactlyInAnyOrderEntriesOf(Map.of(
                "e-10-1", "10 null null", "e-10-2", "10 null null",
                "e-11-1", "11 3.0 news", "e-11-2", "11 4.5 null", "e-11-3", "11 null null"));

        List<String> changes = Files.readAllLines(only(workdir.resolve("lake/_tidemark/schema-changes/click_events")));
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).contains("\"change\":\"ADD_COLUMN\"", "\"column\":\"ref\"", "\"type\":\"string\"", second.runId());
        assertThat(changes.get(1)).contains("\"column\":\"score\"", "\"type\":\"double\"");
    }

    @Test
    @Order(2)
    void theEvolvedColumnsAreInTheMetastoreTableAndItsNewPartitions() {
        List<String> described = new ArrayList<>();
        for (Row row : spark.sql("DESCRIBE TABLE curated.click_events").collectAsList()) {
            described.add(row.getString(0) + " " + row.getString(1));
        }
        assertThat(described).contains("ref string", "score double");
        // a fresh read of an old partition through the catalog, as Athena or a new session would read it
        spark.catalog().refreshTable("curated.click_events");
        assertThat(spark.sql("SELECT count(*) FROM curated.click_events WHERE hr = '10' AND score IS NULL AND ref IS NULL")
                .first().getLong(0)).isEqualTo(2);
    }

    @Test
    @Order(3)
    void rerunsKeepTheSameColumnsInTheSameOrder() throws IOException {
        List<String> columns = List.of(spark.table("curated.click_events").columns());
        long records = countFiles("lake/_tidemark/schemas/click_events");
        long changeLogs = countFiles("lake/_tidemark/schema-changes/click_events");
        for (int rerun = 0; rerun < 3; rerun++) {
            FileUtils.deleteDirectory(workdir.resolve("lake/_tidemark/ledger").toFile());
            RunResult again = run(11);
            assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(again.rowsOut()).isZero();
            assertThat(again.rowsDuplicate()).isEqualTo(3);
            assertThat(spark.table("curated.click_events").columns()).containsExactlyElementsOf(columns);
        }
        assertThat(countFiles("lake/_tidemark/schemas/click_events")).isEqualTo(records);
        assertThat(countFiles("lake/_tidemark/schema-changes/click_events")).isEqualTo(changeLogs);
        assertThat(new SchemaRecords(spark.sparkContext().hadoopConfiguration(), config.lakeRoot()).latest("click_events")
                .orElseThrow().columns()).extracting(RecordedColumn::name).endsWith("ref", "score");
        assertThat(run(10).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    @Order(4)
    void aBadValueInATypedFieldIsQuarantinedWithItsReasonAndTheRestIsStored() {
        RunResult result = run(12);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.rowsOut()).isEqualTo(2);
        assertThat(result.rowsQuarantined()).isEqualTo(1);
        assertThat(result.quarantinedByReason()).containsEntry("SCHEMA_MISMATCH", 1L);
        assertThat(result.rowsIn()).isEqualTo(result.rowsOut() + result.rowsDuplicate() + result.rowsQuarantined());

        List<Row> quarantined = spark.sql("SELECT reason_code, detail, raw, dataset, offset FROM quarantine.clickstream").collectAsList();
        assertThat(quarantined).hasSize(1);
        Row row = quarantined.get(0);
        assertThat(row.getString(0)).isEqualTo("SCHEMA_MISMATCH");
        assertThat(row.getString(1)).contains("field 'score'", "stored as double", "string value: high");
        assertThat(row.getString(2)).contains("e-12-2", "high");
        assertThat(row.getString(3)).isEqualTo("click_events");
        assertThat(row.getLong(4)).isEqualTo(1L);
        assertThat(spark.sql("SELECT score FROM curated.click_events WHERE hr = '12' ORDER BY score").collectAsList())
                .extracting(r -> r.getDouble(0)).containsExactly(7.0, 8.0);
    }

    @Test
    @Order(5)
    void anIncompatibleTypeChangeStopsTheJobNamingFieldAndTypesAndPublishesNothing() throws IOException {
        List<String> lakeBefore = lakeFiles();
        long partitionsBefore = spark.sql("SHOW PARTITIONS curated.click_events").count();
        long quarantineBefore = spark.table("quarantine.clickstream").count();

        assertThatThrownBy(() -> run(13))
                .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_CONFIG))
                .hasMessageContaining("click_events")
                .hasMessageContaining("field 'ref'")
                .hasMessageContaining("stored as string")
                .hasMessageContaining("bigint (2)")
                .hasMessageContaining("2026-11-24T13");

        assertThat(lakeFiles()).isEqualTo(lakeBefore);
        assertThat(spark.sql("SHOW PARTITIONS curated.click_events").count()).isEqualTo(partitionsBefore);
        assertThat(spark.table("quarantine.clickstream").count()).isEqualTo(quarantineBefore);
        assertThat(spark.sql("SELECT count(*) FROM curated.click_events WHERE hr = '13'").first().getLong(0)).isZero();
        // the ledger was not committed: the next run reads the window again, and fails the same way until fixed
        assertThatThrownBy(() -> run(13)).hasMessageContaining("field 'ref'");
    }

    @Test
    @Order(6)
    void aKeyColumnRemovedFromTheDeployedSchemaStopsTheDatasetNamingIt() {
        List<ColumnSpec> withoutKey = CLICKS.columns().stream().filter(c -> !c.name().equals("event_key")).toList();
        DatasetSchema deployed = new DatasetSchema(CLICKS.dataset(), CLICKS.description(), List.of("event_id"), CLICKS.eventTime(),
                CLICKS.partitioning(), CLICKS.lineage(), withoutKey, CLICKS.evolution(), null, null);
        SchemaEvolution evolution = new SchemaEvolution(new SchemaRecords(spark.sparkContext().hadoopConfiguration(), config.lakeRoot()),
                new SchemaChangeLog(spark.sparkContext().hadoopConfiguration(), config.lakeRoot(), new PrintStream(new ByteArrayOutputStream())),
                new PrintStream(new ByteArrayOutputStream()));
        RunContext context = new RunContext("clickstream", "run-key", LandingWindow.hour(DAY, 14), Instant.parse("2026-11-24T15:00:00Z"));
        var rows = spark.createDataFrame(List.<Row>of(), DatasetStructs.sourceRow(deployed));

        assertThatThrownBy(() -> evolution.prepare(List.of(deployed), Map.of("click_events", rows), context))
                .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_CONFIG))
                .hasMessageContaining("key column 'event_key' (string) was removed")
                .hasMessageContaining("absent");
        assertThat(new SchemaRecords(spark.sparkContext().hadoopConfiguration(), config.lakeRoot()).latest("click_events")
                .orElseThrow().key()).containsExactly("event_key");
    }

    @Test
    @Order(7)
    void theCatalogAddsOnlyMissingColumnsAndRefusesATypeItDoesNotHave() {
        HiveCatalog catalog = new HiveCatalog(spark);
        TableRef table = new TableRef("curated", "click_events");
        List<String> before = List.of(spark.table(table.quoted()).columns());
        catalog.addColumns(table, List.of(new ColumnSpec("score", "double", true, null), new ColumnSpec("ref", "string", true, null)));
        assertThat(spark.table(table.quoted()).columns()).containsExactlyElementsOf(before);

        assertThatThrownBy(() -> catalog.addColumns(table, List.of(new ColumnSpec("score", "string", true, null))))
                .hasMessageContaining("'score' (string)").hasMessageContaining("has it as double");
        assertThat(spark.table(table.quoted()).schema().apply("score").dataType().simpleString()).isEqualTo("double");
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static long countFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.list(workdir.resolve(folder))) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static List<String> lakeFiles() throws IOException {
        Path lake = workdir.resolve("lake");
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> lake.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
