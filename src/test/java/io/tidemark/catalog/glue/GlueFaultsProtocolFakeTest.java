package io.tidemark.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.catalog.TableRef;
import io.tidemark.catalog.glue.GlueProtocolFake.Fault;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.ErrorCode;
import io.tidemark.TidemarkException;
import io.tidemark.sources.DatasetStructs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/**
 * {@link GlueCatalog} against {@link GlueProtocolFake}, a hand-written HTTP stand-in for Glue, for only what the AWS
 * API emulator (moto, {@link GlueCatalogOnMotoTest}) cannot do: throttling and 5xx answers, answers lost after the
 * change was applied, per-entry errors in batch answers, and counting the calls (batch sizes within Glue's limits,
 * nothing sent for a rejected publish). The client is built from a parsed runtime config, as
 * {@code TidemarkRuntime} builds it, with static test credentials.
 */
class GlueFaultsProtocolFakeTest {
    private static final DatasetSchema SCHEMA = DatasetSchemas.get("app_logs");
    private static final TableRef TABLE = new TableRef("curated", "app_logs");
    private static final String LAKE = "s3://lake-bucket/tidemark/curated/app_logs";
    private static final HourlyVersions HOURS = new HourlyVersions(SCHEMA, LAKE);
    private static final StaticCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-not-real"));

    private GlueProtocolFake glue;
    private GlueClient client;
    private GlueCatalog catalog;

    @BeforeEach
    void start() throws Exception {
        glue = GlueProtocolFake.start();
        RuntimeConfig config = new JsonConfigReader().read(new ByteArrayInputStream(("""
                {"catalog": {"kind": "glue", "region": "eu-west-1", "endpoint": "%s", "catalogId": "123456789012"}}"""
                .formatted(glue.endpoint())).getBytes(StandardCharsets.UTF_8)), "glue-test.json", RuntimeConfig.class);
        client = GlueClientFactory.create(config.catalog(), TEST_CREDENTIALS);
        catalog = new GlueCatalog(client, config.catalog().glueCatalogId(), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        catalog.close();
        glue.close();
    }

    @Test
    void publishes250NewPartitionsInBatchesOfAtMost100() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        List<PartitionVersion> versions = HOURS.versions("r1", 250);
        glue.clearCalls();

        catalog.publish(TABLE, versions);

        assertThat(glue.entries("BatchGetPartition")).containsExactly(250);
        assertThat(glue.entries("BatchCreatePartition")).containsExactly(100, 100, 50);
        assertThat(glue.entries("BatchUpdatePartition")).isEmpty();
        assertThat(glue.locations("curated", "app_logs")).isEqualTo(expected(versions));
        JsonNode partition = glue.partition("curated", "app_logs", List.of("2026-11-01", "00")).orElseThrow();
        assertThat(partition.path("StorageDescriptor").path("SerdeInfo").path("SerializationLibrary").asText())
                .as("Athena reads a partition with its own SerDe").isEqualTo(GlueTableDefinition.PARQUET_SERDE);
        assertThat(partition.path("StorageDescriptor").path("Columns").size()).isEqualTo(SCHEMA.columns().size() + 4);

        List<PartitionKey> asked = new ArrayList<>(versions.stream().map(PartitionVersion::partition).toList());
        asked.add(HOURS.key("2027-01-01", "00"));
        Map<PartitionKey, String> locations = catalog.locations(TABLE, asked);
        assertThat(locations).hasSize(250);
        versions.forEach(v -> assertThat(locations.get(v.partition())).isEqualTo(v.location()));
    }

    @Test
    void drops60PartitionsInBatchesOfAtMost25AndDroppingAgainIsANoOp() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        List<PartitionVersion> versions = HOURS.versions("r1", 70);
        catalog.publish(TABLE, versions);
        List<PartitionKey> dropped = versions.subList(0, 60).stream().map(PartitionVersion::partition).toList();
        glue.clearCalls();

        catalog.dropPartitions(TABLE, dropped);

        assertThat(glue.entries("BatchDeletePartition")).containsExactly(25, 25, 10);
        assertThat(glue.locations("curated", "app_logs")).isEqualTo(expected(versions.subList(60, 70)));

        glue.clearCalls();
        catalog.dropPartitions(TABLE, dropped);
        assertThat(glue.entries("BatchDeletePartition")).as("each partition answered EntityNotFound").containsExactly(25, 25, 10);
        assertThat(glue.locations("curated", "app_logs")).hasSize(10);
        catalog.dropPartitions(new TableRef("curated", "no_such_table"), dropped);

        glue.failEntryNext(List.of("2026-11-03", "12"), "InvalidInputException");
        assertThatThrownBy(() -> catalog.dropPartitions(TABLE, List.of(HOURS.key("2026-11-03", "12"), HOURS.key("2026-11-03", "13"))))
                .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CATALOG_FAILED))
                .hasMessageContaining("dt=2026-11-03/hr=12 (InvalidInputException");
        assertThat(glue.locations("curated", "app_logs")).hasSize(9).containsKey(List.of("2026-11-03", "12"));
    }

    @Test
    void theFakeRejectsBatchesOverGluesLimitsAsGlueDoes() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        List<PartitionInput> inputs = IntStream.range(0, 101)
                .mapToObj(i -> PartitionInput.builder().values("2026-11-01", String.format("%03d", i)).build()).toList();
        assertThatThrownBy(() -> client.batchCreatePartition(r -> r.databaseName("curated").tableName("app_logs")
                .partitionInputList(inputs)))
                .isInstanceOfSatisfying(GlueException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        List<PartitionValueList> keys = IntStream.range(0, 26)
                .mapToObj(i -> PartitionValueList.builder().values("2026-11-01", String.format("%03d", i)).build()).toList();
        assertThatThrownBy(() -> client.batchDeletePartition(r -> r.databaseName("curated").tableName("app_logs")
                .partitionsToDelete(keys)))
                .isInstanceOfSatisfying(GlueException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(glue.locations("curated", "app_logs")).isEmpty();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedByTheSdk() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        glue.failNext("GetTable", Fault.SERVER_ERROR);
        glue.failNext("BatchCreatePartition", Fault.THROTTLE);
        glue.clearCalls();

        List<PartitionVersion> versions = HOURS.versions("r1", 30);
        catalog.publish(TABLE, versions);

        assertThat(glue.operations()).containsExactly("GetTable", "GetTable", "BatchGetPartition",
                "BatchCreatePartition", "BatchCreatePartition");
        assertThat(glue.locations("curated", "app_logs")).isEqualTo(expected(versions));
    }

    @Test
    void retriesAfterAnAppliedButLostAnswerConvergeToTheStateOfACleanRun() throws Exception {
        String clean;
        try (GlueProtocolFake reference = GlueProtocolFake.start();
             GlueCatalog referenceCatalog = catalogOn(reference)) {
            referenceCatalog.ensureTable(TABLE, SCHEMA, LAKE);
            referenceCatalog.publish(TABLE, HOURS.versions("r1", 150));
            referenceCatalog.publish(TABLE, HOURS.versions("r2", 30));
            referenceCatalog.dropPartitions(TABLE, HOURS.versions("r2", 10).stream().map(PartitionVersion::partition).toList());
            clean = reference.snapshot();
        }

        glue.failNext("CreateDatabase", Fault.DROP_RESPONSE_AFTER_APPLY);
        glue.failNext("CreateTable", Fault.DROP_RESPONSE_AFTER_APPLY);
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        glue.failNext("BatchCreatePartition", Fault.DROP_RESPONSE_AFTER_APPLY);
        catalog.publish(TABLE, HOURS.versions("r1", 150));
        glue.failNext("BatchUpdatePartition", Fault.DROP_RESPONSE_AFTER_APPLY);
        catalog.publish(TABLE, HOURS.versions("r2", 30));
        glue.failNext("BatchDeletePartition", Fault.DROP_RESPONSE_AFTER_APPLY);
        catalog.dropPartitions(TABLE, HOURS.versions("r2", 10).stream().map(PartitionVersion::partition).toList());

        assertThat(glue.snapshot()).isEqualTo(clean);
        List<String> operations = glue.operations();
        for (String operation : List.of("CreateDatabase", "CreateTable", "BatchCreatePartition", "BatchUpdatePartition",
                "BatchDeletePartition")) {
            assertThat(operations.stream().filter(operation::equals).count()).as(operation + " was sent again").isGreaterThan(1);
        }
        assertThat(glue.entries("BatchUpdatePartition")).as("the re-sent first batch found its partitions existing")
                .startsWith(100);
    }

    @Test
    void failedEntriesAreRetriedWhenGlueSaysSoAndOtherwiseReportedByPartition() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        glue.failEntryNext(List.of("2026-11-01", "01"), "InternalServiceException");
        glue.failEntryNext(List.of("2026-11-01", "02"), "ThrottlingException");
        List<PartitionVersion> versions = HOURS.versions("r1", 5);

        catalog.publish(TABLE, versions);

        assertThat(glue.entries("BatchCreatePartition")).containsExactly(5, 2);
        assertThat(glue.locations("curated", "app_logs")).isEqualTo(expected(versions));

        glue.failEntryNext(List.of("2026-11-01", "03"), "InvalidInputException");
        assertThatThrownBy(() -> catalog.publish(TABLE, HOURS.versions("r2", 5)))
                .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CATALOG_FAILED))
                .hasMessageContaining("curated.app_logs")
                .hasMessageContaining("dt=2026-11-01/hr=03")
                .hasMessageContaining("InvalidInputException")
                .hasMessageContaining("1 of 5");
        assertThat(glue.locations("curated", "app_logs").get(List.of("2026-11-01", "03"))).isEqualTo(HOURS.location("r1", "2026-11-01", "03"));
        assertThat(glue.locations("curated", "app_logs").get(List.of("2026-11-01", "04"))).isEqualTo(HOURS.location("r2", "2026-11-01", "04"));
    }

    @Test
    void rejectsPartitionsThatDoNotFitTheTableBeforeAnyChange() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        PartitionVersion daily = new PartitionVersion(new PartitionKey("app_logs", Map.of("dt", "2026-11-24")), LAKE + "/v-r1/dt=2026-11-24");
        glue.clearCalls();

        assertThatThrownBy(() -> catalog.publish(TABLE, List.of(HOURS.version("r1", "2026-11-24", "10"), daily)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[dt, hr]");
        assertThatThrownBy(() -> catalog.publish(TABLE, List.of(HOURS.version("r1", "", "10"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dt=''");
        assertThat(glue.operations()).containsOnly("GetTable");
        assertThatThrownBy(() -> catalog.publish(new TableRef("curated", "missing"), List.of(HOURS.version("r1", "2026-11-24", "10"))))
                .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CATALOG_FAILED))
                .hasMessageContaining("curated.missing");
    }

    @Test
    void aCallStillFailingAfterTheSdksRetriesNamesTheActionAndTheError() {
        catalog.ensureTable(TABLE, SCHEMA, LAKE);
        Fault[] always = new Fault[GlueClientFactory.MAX_ATTEMPTS];
        Arrays.fill(always, Fault.SERVER_ERROR);
        glue.failNext("BatchGetPartition", always);

        assertThatThrownBy(() -> catalog.locations(TABLE, List.of(HOURS.key("2026-11-24", "10"))))
                .isInstanceOfSatisfying(TidemarkException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CATALOG_FAILED))
                .hasMessageContaining("curated.app_logs")
                .hasMessageContaining("InternalServiceException")
                .hasMessageNotContaining("test-secret-not-real");
        assertThat(glue.entries("BatchGetPartition")).hasSize(GlueClientFactory.MAX_ATTEMPTS);
    }

    // ---- helpers

    private static GlueCatalog catalogOn(GlueProtocolFake server) {
        RuntimeConfig config = new JsonConfigReader().read(new ByteArrayInputStream(("""
                {"catalog": {"kind": "glue", "region": "eu-west-1", "endpoint": "%s"}}"""
                .formatted(server.endpoint())).getBytes(StandardCharsets.UTF_8)), "reference.json", RuntimeConfig.class);
        return GlueCatalog.connect(config.catalog(), TEST_CREDENTIALS);
    }

    private static Map<List<String>, String> expected(List<PartitionVersion> versions) {
        Map<List<String>, String> expected = new LinkedHashMap<>();
        versions.forEach(v -> expected.put(List.copyOf(v.partition().values().values()), v.location()));
        return expected;
    }

    private static List<String> names(JsonNode columns, String field) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.path(field).asText()));
        return names;
    }
}
