package io.tidemark.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.RuntimeConfig;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * {@link GlueCatalog} against the AWS API emulator (moto, server mode) speaking the Glue API: create, evolve,
 * publish, re-publish, drop and list, with the client built from a parsed runtime config as
 * {@code TidemarkRuntime} builds it. What the emulator cannot do (throttling, lost answers, per-entry batch errors,
 * counting calls) is in {@link GlueFaultsProtocolFakeTest}. Each test uses its own table.
 */
class GlueCatalogOnMotoTest {
    private static final DatasetSchema SCHEMA = DatasetSchemas.get("app_logs");
    private static final String LAKE = "s3://lake-bucket/tidemark/curated/app_logs";
    private static final HourlyVersions HOURS = new HourlyVersions(SCHEMA, LAKE);

    private static MotoServer moto;
    private static GlueClient client;
    private static GlueCatalog catalog;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        RuntimeConfig config = new JsonConfigReader().read(new ByteArrayInputStream(("""
                {"catalog": {"kind": "glue", "region": "%s", "endpoint": "%s"}}"""
                .formatted(MotoServer.REGION, moto.endpoint())).getBytes(StandardCharsets.UTF_8)), "glue-moto.json", RuntimeConfig.class);
        client = GlueClientFactory.create(config.catalog(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)));
        catalog = new GlueCatalog(client, config.catalog().glueCatalogId(), Duration.ofMillis(10));
    }

    @AfterAll
    static void stop() {
        if (catalog != null) {
            catalog.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    void ensureTableCreatesAnExternalParquetTableAndAgainChangesNothing() {
        TableRef table = new TableRef("curated", "created");
        assertThat(catalog.tableExists(table)).isFalse();

        catalog.ensureTable(table, SCHEMA, LAKE);
        Table created = glueTable(table);
        catalog.ensureTable(table, SCHEMA, LAKE);
        new GlueCatalog(client, Optional.empty(), Duration.ZERO).ensureTable(table, SCHEMA, LAKE);

        assertThat(catalog.tableExists(table)).isTrue();
        Table again = glueTable(table);
        assertThat(again.versionId()).as("no update was sent").isEqualTo(created.versionId());
        assertThat(again.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(again.parameters()).containsEntry("EXTERNAL", "TRUE").containsEntry("classification", "parquet");
        assertThat(again.storageDescriptor().location()).isEqualTo(LAKE);
        assertThat(again.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo(GlueTableDefinition.PARQUET_SERDE);
        assertThat(again.partitionKeys()).extracting(Column::name).containsExactly("dt", "hr");
        assertThat(again.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type())
                .containsExactlyElementsOf(Arrays.stream(DatasetStructs.curatedRow(SCHEMA).fields())
                        .filter(f -> !SCHEMA.partitioning().contains(f.name()))
                        .map(f -> f.name() + " " + f.dataType().simpleString()).toList());
    }

    @Test
    void ensureTableBringsAnOutdatedTableToTheSchemaAndKeepsOthersParameters() {
        TableRef table = new TableRef("curated", "outdated");
        catalog.ensureTable(table, SCHEMA, LAKE + "-old");
        Table old = glueTable(table);
        client.updateTable(r -> r.databaseName("curated").tableInput(GlueTableDefinition.updateOf(old,
                GlueTableDefinition.tableInput(table, SCHEMA, LAKE + "-old")).toBuilder()
                .parameters(withEntry(old.parameters(), "comment_by_analyst", "kept")).build()));

        catalog.ensureTable(table, SCHEMA, LAKE);

        Table updated = glueTable(table);
        assertThat(updated.storageDescriptor().location()).isEqualTo(LAKE);
        assertThat(updated.parameters()).containsEntry("comment_by_analyst", "kept");
    }

    @Test
    void addColumnsAppendsOnlyMissingColumnsAndRefusesAnotherType() {
        TableRef table = new TableRef("curated", "evolved");
        catalog.ensureTable(table, SCHEMA, LAKE);
        int before = glueTable(table).storageDescriptor().columns().size();

        catalog.addColumns(table, List.of(new ColumnSpec("score", "double", true, "new field")));
        String versionAfterAdd = glueTable(table).versionId();
        catalog.addColumns(table, List.of(new ColumnSpec("score", "double", true, "new field")));

        List<Column> columns = glueTable(table).storageDescriptor().columns();
        assertThat(columns).hasSize(before + 1);
        assertThat(columns.get(before).name()).isEqualTo("score");
        assertThat(columns.get(before).type()).isEqualTo("double");
        assertThat(glueTable(table).versionId()).as("adding a column the table has sends nothing").isEqualTo(versionAfterAdd);
        assertThat(glueTable(table).partitionKeys()).extracting(Column::name).containsExactly("dt", "hr");
        assertThatThrownBy(() -> catalog.addColumns(table, List.of(new ColumnSpec("score", "string", true, ""))))
                .hasMessageContaining("score").hasMessageContaining("double");
    }

    @Test
    void publishesAddsMovesAndAgainChangesNothing() {
        TableRef table = new TableRef("curated", "published");
        catalog.ensureTable(table, SCHEMA, LAKE);
        List<PartitionVersion> r1 = HOURS.versions("r1", 250);

        catalog.publish(table, r1);

        assertThat(paths(catalog.allLocations(table))).isEqualTo(paths(expected(r1)));
        Partition first = client.getPartition(r -> r.databaseName("curated").tableName("published")
                .partitionValues("2026-11-01", "00")).partition();
        assertThat(first.storageDescriptor().serdeInfo().serializationLibrary())
                .as("Athena reads a partition with its own SerDe").isEqualTo(GlueTableDefinition.PARQUET_SERDE);
        assertThat(first.storageDescriptor().columns()).hasSize(SCHEMA.columns().size() + 4);

        // re-publish: two hours move to r2, one new hour is added, the rest stays on r1
        List<PartitionVersion> r2 = List.of(HOURS.version("r2", "2026-11-01", "10"), HOURS.version("r2", "2026-11-01", "11"),
                HOURS.version("r2", "2027-01-01", "00"));
        catalog.publish(table, r2);
        Map<PartitionKey, String> wanted = new LinkedHashMap<>(expected(r1));
        wanted.putAll(expected(r2));
        assertThat(paths(catalog.allLocations(table))).isEqualTo(paths(wanted));

        Map<PartitionKey, String> published = catalog.allLocations(table);
        catalog.publish(table, r2);
        assertThat(catalog.allLocations(table)).isEqualTo(published);
        assertThat(catalog.locations(table, List.of(HOURS.key("2026-11-01", "10"), HOURS.key("2031-01-01", "00"))))
                .containsExactly(Map.entry(HOURS.key("2026-11-01", "10"), HOURS.location("r2", "2026-11-01", "10")));
        assertThat(catalog.publishedWhere(table, "dt", "2026-11-01")).hasSize(24)
                .extracting(v -> v.partition().path() + " " + v.location())
                .contains("dt=2026-11-01/hr=11 " + HOURS.location("r2", "2026-11-01", "11"), "dt=2026-11-01/hr=12 " + HOURS.location("r1", "2026-11-01", "12"));
    }

    @Test
    void dropsPartitionsAndDroppingAgainIsANoOp() {
        TableRef table = new TableRef("curated", "dropped");
        catalog.ensureTable(table, SCHEMA, LAKE);
        List<PartitionVersion> versions = HOURS.versions("r1", 40);
        catalog.publish(table, versions);
        List<PartitionKey> dropped = versions.subList(0, 30).stream().map(PartitionVersion::partition).toList();

        catalog.dropPartitions(table, dropped);
        catalog.dropPartitions(table, dropped);
        catalog.dropPartitions(new TableRef("curated", "no_such_table"), dropped);

        assertThat(paths(catalog.allLocations(table))).isEqualTo(paths(expected(versions.subList(30, 40))));
    }

    @Test
    void aMissingTableHasNoPartitions() {
        TableRef missing = new TableRef("curated", "missing");
        assertThat(catalog.allLocations(missing)).isEmpty();
        assertThat(catalog.locations(missing, List.of(HOURS.key("2026-11-01", "00")))).isEmpty();
        assertThat(catalog.publishedWhere(missing, "dt", "2026-11-01")).isEmpty();
    }

    // ---- helpers

    private static Table glueTable(TableRef table) {
        return client.getTable(r -> r.databaseName(table.database()).name(table.table())).table();
    }

    private static Map<String, String> withEntry(Map<String, String> parameters, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(key, value);
        return copy;
    }

    /** Partition path to location, sorted: a table's keys carry its name, the test's versions the dataset's. */
    private static Map<String, String> paths(Map<PartitionKey, String> locations) {
        Map<String, String> paths = new TreeMap<>();
        locations.forEach((key, location) -> paths.put(key.path(), location));
        return paths;
    }

    private static Map<PartitionKey, String> expected(List<PartitionVersion> versions) {
        Map<PartitionKey, String> expected = new LinkedHashMap<>();
        versions.forEach(v -> expected.put(v.partition(), v.location()));
        return expected;
    }
}
