package io.tidemark.catalog.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.catalog.TableRef;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.conform.MergedPartitions;
import io.tidemark.config.PartitionKey;
import io.tidemark.lake.LakeArea;
import io.tidemark.lake.LakeLayout;
import io.tidemark.lake.PartitionVersion;
import io.tidemark.lake.PartitionVersionWriter;
import io.tidemark.sources.DatasetStructs;
import io.tidemark.testing.LocalSpark;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.command.AlterTableAddPartitionCommand;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HiveCatalog} against a real Spark session and an embedded Derby metastore. Each test uses its own table. */
class HiveCatalogTest {
    private static final DatasetSchema SCHEMA = DatasetSchemas.get("app_logs");
    private static final Timestamp TS = Timestamp.from(Instant.parse("2026-11-24T10:15:30Z"));

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static LakeLayout layout;
    private static HiveCatalog catalog;
    private static final List<Integer> addPartitionStatementSizes = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start(workdir);
        layout = new LakeLayout(LocalSpark.config(workdir).lakeRoot());
        catalog = new HiveCatalog(spark);
        spark.listenerManager().register(new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                if (qe.analyzed() instanceof AlterTableAddPartitionCommand add) {
                    addPartitionStatementSizes.add(add.partitionSpecsAndLocs().size());
                }
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            }
        });
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void ensureTableTwiceIsIdempotentAndKeepsPartitions() {
        TableRef table = new TableRef("curated", "ensure_twice");
        assertThat(catalog.tableExists(table)).isFalse();

        catalog.ensureTable(table, SCHEMA, tableRoot(table));
        catalog.publish(table, write(table, "r1", Map.of(key("2026-11-24", "10"), List.of("a1"))));
        catalog.ensureTable(table, SCHEMA, tableRoot(table));

        assertThat(catalog.tableExists(table)).isTrue();
        assertThat(namesAndTypes(spark.table(table.quoted()).schema()))
                .containsExactlyElementsOf(namesAndTypes(DatasetStructs.curatedRow(SCHEMA)));
        assertThat(spark.sql("SHOW PARTITIONS " + table.quoted()).as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("dt=2026-11-24/hr=10");
        assertThat(eventIds(table, "dt = '2026-11-24'")).containsExactly("a1");
        assertThat(spark.sql("DESCRIBE FORMATTED " + table.quoted()).where("col_name = 'Type'").first().getString(1))
                .isEqualTo("EXTERNAL");
    }

    @Test
    void publishAddsMissingPartitionsAndMovesExistingOnes() throws Exception {
        TableRef table = new TableRef("curated", "swap");
        catalog.ensureTable(table, SCHEMA, tableRoot(table));
        Map<PartitionKey, List<String>> first = new LinkedHashMap<>();
        first.put(key("2026-11-24", "10"), List.of("a1", "a2"));
        first.put(key("2026-11-24", "11"), List.of("b1"));
        List<PartitionVersion> r1 = write(table, "r1", first);
        catalog.publish(table, r1);
        assertThat(eventIds(table, "hr = '10'")).containsExactly("a1", "a2");

        Map<PartitionKey, List<String>> second = new LinkedHashMap<>();
        second.put(key("2026-11-24", "10"), List.of("a3"));
        second.put(key("2026-11-24", "12"), List.of("c1"));
        List<PartitionVersion> r2 = write(table, "r2", second);
        catalog.publish(table, r2);

        // same session, no refresh by the caller
        assertThat(eventIds(table, "hr = '10'")).containsExactly("a3");
        assertThat(eventIds(table, "true")).containsExactly("a3", "b1", "c1");
        // after an explicit refresh, and from another session
        spark.catalog().refreshTable(table.toString());
        assertThat(eventIds(table, "true")).containsExactly("a3", "b1", "c1");
        assertThat(spark.newSession().sql("SELECT event_id FROM " + table.quoted() + " ORDER BY event_id")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactly("a3", "b1", "c1");

        Map<PartitionKey, String> locations = catalog.locations(table,
                List.of(key("2026-11-24", "10"), key("2026-11-24", "11"), key("2026-11-24", "12"), key("2026-11-24", "13")));
        assertThat(locations).containsOnlyKeys(key("2026-11-24", "10"), key("2026-11-24", "11"), key("2026-11-24", "12"));
        assertThat(path(locations.get(key("2026-11-24", "10")))).isEqualTo(path(r2.get(0).location()));
        assertThat(path(locations.get(key("2026-11-24", "11")))).isEqualTo(path(r1.get(1).location()));
        assertThat(path(locations.get(key("2026-11-24", "12")))).isEqualTo(path(r2.get(1).location()));
        assertThat(path(r2.get(0).location())).endsWith("/curated/swap/v-r2/dt=2026-11-24/hr=10");

        // the replaced version can be deleted without breaking readers; publishing again changes nothing
        FileUtils.deleteDirectory(Path.of(URI.create(r1.get(0).location())).toFile());
        catalog.publish(table, r2);
        assertThat(eventIds(table, "true")).containsExactly("a3", "b1", "c1");
        assertThat(spark.sql("SHOW PARTITIONS " + table.quoted()).count()).isEqualTo(3);
    }

    @Test
    void publishes150NewPartitionsInStatementsOfAtMost100() throws Exception {
        TableRef table = new TableRef("curated", "many");
        catalog.ensureTable(table, SCHEMA, tableRoot(table));
        List<PartitionVersion> versions = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < 150; i++) {
            PartitionKey key = key(day.plusDays(i / 24).toString(), String.format("%02d", i % 24));
            versions.add(new PartitionVersion(key, layout.versionRoot(LakeArea.CURATED, "many", "r1") + "/" + key.path()));
        }
        waitForListeners();
        addPartitionStatementSizes.clear();

        long started = System.nanoTime();
        catalog.publish(table, versions);
        System.err.printf("published 150 partitions in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        waitForListeners();
        assertThat(addPartitionStatementSizes).containsExactly(100, 50);
        assertThat(spark.sql("SHOW PARTITIONS " + table.quoted()).count()).isEqualTo(150);
        List<PartitionVersion> sample = List.of(versions.get(0), versions.get(99), versions.get(100), versions.get(149));
        Map<PartitionKey, String> locations = catalog.locations(table, sample.stream().map(PartitionVersion::partition).toList());
        assertThat(locations).hasSize(4);
        for (PartitionVersion version : sample) {
            assertThat(path(locations.get(version.partition()))).isEqualTo(path(version.location()));
        }
    }

    @Test
    void rejectsPartitionValuesWithAQuoteBeforeChangingAnything() {
        TableRef table = new TableRef("curated", "quotes");
        catalog.ensureTable(table, SCHEMA, tableRoot(table));
        List<PartitionVersion> r1 = write(table, "r1", Map.of(key("2026-11-24", "10"), List.of("a1")));
        catalog.publish(table, r1);
        List<PartitionVersion> r2 = write(table, "r2", Map.of(key("2026-11-24", "10"), List.of("a2")));
        PartitionVersion quoted = new PartitionVersion(key("2026-11-24') DROP TABLE x --", "10"),
                layout.versionRoot(LakeArea.CURATED, "quotes", "r2") + "/dt=x/hr=10");

        assertThatThrownBy(() -> catalog.publish(table, List.of(quoted)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dt=");
        assertThatThrownBy(() -> catalog.publish(table, List.of(r2.get(0), quoted)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(spark.sql("SHOW PARTITIONS " + table.quoted()).as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("dt=2026-11-24/hr=10");
        assertThat(eventIds(table, "true")).as("the valid partition of the rejected batch was not moved").containsExactly("a1");
    }

    // ---- helpers

    private static PartitionKey key(String dt, String hr) {
        return PartitionKey.of(SCHEMA.dataset(), SCHEMA.partitioning(), List.of(dt, hr));
    }

    private static String tableRoot(TableRef table) {
        return layout.tableRoot(LakeArea.CURATED, table.table());
    }

    /** Writes one version folder per run, as the curate job does, with one app_logs row per event id. */
    private static List<PartitionVersion> write(TableRef table, String runId, Map<PartitionKey, List<String>> eventIds) {
        StructType struct = DatasetStructs.curatedRow(SCHEMA);
        List<Row> rows = new ArrayList<>();
        eventIds.forEach((key, ids) -> ids.forEach(id -> rows.add(RowFactory.create(id, TS, "111122223333", "/aws/lambda/x",
                "stream", "message " + id, "s3://landing/a.gz", TS, TS, runId, key.values().get("dt"), key.values().get("hr")))));
        return new PartitionVersionWriter().write(SCHEMA,
                new MergedPartitions(spark.createDataFrame(rows, struct), List.copyOf(eventIds.keySet()), rows.size(), 0),
                layout.versionRoot(LakeArea.CURATED, table.table(), runId));
    }

    private static List<String> eventIds(TableRef table, String where) {
        return spark.sql("SELECT event_id FROM " + table.quoted() + " WHERE " + where + " ORDER BY event_id")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    /** The path of a location URI: the metastore stores file:/x where the lake layout says file:///x. */
    private static String path(String location) {
        String path = URI.create(location).getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> namesAndTypes(StructType struct) {
        List<String> result = new ArrayList<>();
        for (StructField field : struct.fields()) {
            result.add(field.name() + " " + field.dataType().simpleString());
        }
        return result;
    }

    private static void waitForListeners() throws Exception {
        spark.sparkContext().listenerBus().waitUntilEmpty(TimeUnit.SECONDS.toMillis(10));
    }
}
