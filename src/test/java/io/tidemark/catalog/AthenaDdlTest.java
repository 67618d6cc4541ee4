package io.tidemark.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import scala.Option;

/**
 * The Athena DDL in sql/athena, run through Spark SQL against a local Hive metastore: it must describe exactly the
 * tables Tidemark writes (columns and types from schemas/*.json, in order), and read Parquet laid out as Tidemark
 * lays it out (version folders registered with ADD PARTITION ... LOCATION).
 */
class AthenaDdlTest {
    private static final String PLACEHOLDER = "s3://${lake_bucket}";
    private static final Timestamp EVENT_TS = Timestamp.from(Instant.parse("2026-11-24T10:15:30.123Z"));
    private static final Timestamp INGESTED_AT = Timestamp.from(Instant.parse("2026-11-24T11:00:00Z"));

    @TempDir
    static Path workdir;

    private static SparkSession spark;
    private static LakeLayout layout;

    @BeforeAll
    static void createTablesAndPublishOnePartitionEach() throws IOException {
        spark = LocalSpark.start(workdir);
        layout = new LakeLayout(LocalSpark.config(workdir).lakeRoot());
        spark.sql("CREATE DATABASE IF NOT EXISTS curated");
        spark.sql("CREATE DATABASE IF NOT EXISTS quarantine");
        for (String file : athenaDdlFiles()) {
            spark.sql(athenaDdl(file));
        }

        DatasetSchema flows = DatasetSchemas.get("vpc_flow_logs");
        publish(flows, LakeArea.CURATED, "vpc_flow_logs", List.of("2026-11-24", "10"), List.of(
                flowRow("49600000000000000000000000000000000000000000000000000001", 4_000L, "REJECT", null),
                flowRow("49600000000000000000000000000000000000000000000000000002", 9_000L, "ACCEPT", "vpc-0a1b2c3d"),
                flowRow("49600000000000000000000000000000000000000000000000000003", 1_000L, "REJECT", "vpc-0a1b2c3d")));

        DatasetSchema appLogs = DatasetSchemas.get("app_logs");
        publish(appLogs, LakeArea.CURATED, "app_logs", List.of("2026-11-24", "10"), List.of(
                values(Map.of("event_id", "1", "event_ts", EVENT_TS, "owner", "111122223333", "log_group", "/aws/lambda/orders",
                        "log_stream", "2026/11/24/[$LATEST]abc", "message", "ERROR order 42 failed")),
                values(Map.of("event_id", "2", "event_ts", EVENT_TS, "log_group", "/aws/lambda/orders",
                        "message", "INFO order 43 stored"))));

        DatasetSchema quarantine = DatasetSchemas.get("quarantine");
        publish(quarantine, LakeArea.QUARANTINE, "cwlogs", List.of("2026-11-24"), List.of(
                values(Map.of("source_object", "s3://landing/cwlogs/2026/11/24/10/a.gz", "offset", 7L,
                        "reason_code", "MALFORMED_JSON", "detail", "unexpected end of input", "raw", "{\"messageType\":",
                        "run_id", "r1", "quarantined_at", INGESTED_AT)),
                values(Map.of("source_object", "s3://landing/cwlogs/2026/11/24/10/b.gz", "offset", 0L,
                        "reason_code", "CORRUPT_COMPRESSION", "run_id", "r1", "quarantined_at", INGESTED_AT))));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "vpc_flow_logs.sql, curated, vpc_flow_logs, vpc_flow_logs, CURATED",
            "app_logs.sql, curated, app_logs, app_logs, CURATED",
            "quarantine_cwlogs.sql, quarantine, cwlogs, quarantine, QUARANTINE",
            "guardduty_findings.sql, curated, guardduty_findings, guardduty_findings, CURATED",
            "ses_events.sql, curated, ses_events, ses_events, CURATED",
            "sales_changes.sql, curated, sales_changes, sales_changes, CURATED",
            "click_events.sql, curated, click_events, click_events, CURATED",
            "users_ref.sql, curated, users_ref, users_ref, CURATED"})
    void tableHasTheColumnsTidemarkWritesInSchemaOrder(String file, String database, String table, String dataset, LakeArea area)
            throws Exception {
        StructType expected = DatasetStructs.curatedRow(DatasetSchemas.get(dataset));
        StructType actual = spark.table(database + "." + table).schema();

        assertThat(namesAndTypes(actual)).containsExactlyElementsOf(namesAndTypes(expected));
        assertThat(partitionColumns(database, table)).containsExactlyElementsOf(DatasetSchemas.get(dataset).partitioning());
        assertThat(withoutTrailingSlash(tableLocation(database, table)))
                .isEqualTo(withoutTrailingSlash(URI.create(layout.tableRoot(area, table)).getPath()));
        assertThat(ddlText(file)).contains("STORED AS PARQUET", "'parquet.compression'='SNAPPY'",
                "LOCATION 's3://${lake_bucket}/" + area.folder() + "/" + table + "/'");
        assertThatCode(() -> spark.sql(athenaDdl(file))).as("CREATE ... IF NOT EXISTS runs twice").doesNotThrowAnyException();
    }

    @Test
    void reservedWordColumnsAreBacktickQuoted() throws IOException {
        for (String file : List.of("vpc_flow_logs.sql", "app_logs.sql", "quarantine_cwlogs.sql", "click_events.sql", "users_ref.sql")) {
            String ddl = ddlText(file);
            for (String reserved : List.of("end", "start", "bytes", "type", "region", "offset", "version", "action", "owner",
                    "protocol", "dataset", "raw")) {
                assertThat(Pattern.compile("(?m)^\\s+" + reserved + "\\s").matcher(ddl).find())
                        .as(file + ": column " + reserved + " unquoted").isFalse();
            }
            assertThat(ddl).as(file + ": header explains how partitions are registered")
                    .contains("ADD PARTITION", "/v-<run id>/dt=", "MSCK REPAIR", "partition projection")
                    .doesNotContainIgnoringCase("projection.enabled");
        }
    }

    @Test
    void readsFlowLogsFromTheRegisteredVersionFolder() {
        List<Row> rows = spark.sql("SELECT event_id, `start`, `end`, `bytes`, `type`, `region`, vpc_id, event_ts, "
                + "_source_object, _ingested_at, _run_id, dt, hr FROM curated.vpc_flow_logs "
                + "WHERE dt = '2026-11-24' AND hr = '10' ORDER BY event_id").collectAsList();

        assertThat(rows).hasSize(3);
        Row first = rows.get(0);
        assertThat(first.getString(0)).endsWith("0001");
        assertThat(first.getLong(1)).isEqualTo(1_795_515_300L);
        assertThat(first.getLong(2)).isEqualTo(1_795_515_360L);
        assertThat(first.getLong(3)).isEqualTo(4_000L);
        assertThat(first.getString(4)).isEqualTo("IPv4");
        assertThat(first.getString(5)).isEqualTo("eu-west-1");
        assertThat(first.isNullAt(6)).isTrue();
        assertThat(first.getTimestamp(7)).isEqualTo(EVENT_TS);
        assertThat(first.getString(8)).isEqualTo("s3://landing/cwlogs/2026/11/24/10/a.gz");
        assertThat(first.getTimestamp(9)).isEqualTo(INGESTED_AT);
        assertThat(first.getString(10)).isEqualTo("test");
        assertThat(List.of(first.getString(11), first.getString(12))).containsExactly("2026-11-24", "10");
        assertThat(rows.get(1).getString(6)).isEqualTo("vpc-0a1b2c3d");
    }

    @Test
    void hivesOwnParquetReaderReadsTheSameRows() {
        spark.conf().set("spark.sql.hive.convertMetastoreParquet", "false");
        try {
            spark.catalog().refreshTable("curated.vpc_flow_logs");
            List<Row> rows = spark.sql("SELECT event_id, `end`, `type`, vpc_id, event_ts, _ingested_at FROM curated.vpc_flow_logs "
                    + "WHERE dt = '2026-11-24' ORDER BY event_id").collectAsList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getLong(1)).isEqualTo(1_795_515_360L);
            assertThat(rows.get(0).getString(2)).isEqualTo("IPv4");
            assertThat(rows.get(0).isNullAt(3)).isTrue();
            assertThat(rows.get(0).getTimestamp(4)).isEqualTo(EVENT_TS);
            assertThat(rows.get(0).getTimestamp(5)).isEqualTo(INGESTED_AT);
        } finally {
            spark.conf().set("spark.sql.hive.convertMetastoreParquet", "true");
            spark.catalog().refreshTable("curated.vpc_flow_logs");
        }
    }

    @Test
    void readsAppLogsAndQuarantineRows() {
        List<Row> logs = spark.sql("SELECT event_id, event_ts, owner, log_stream, message, hr FROM curated.app_logs "
                + "WHERE dt = '2026-11-24' ORDER BY event_id").collectAsList();
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).getTimestamp(1)).isEqualTo(EVENT_TS);
        assertThat(logs.get(0).getString(4)).isEqualTo("ERROR order 42 failed");
        assertThat(logs.get(1).isNullAt(2)).isTrue();
        assertThat(logs.get(1).isNullAt(3)).isTrue();
        assertThat(logs.get(1).getString(5)).isEqualTo("10");

        List<Row> quarantined = spark.sql("SELECT `offset`, reason_code, detail, raw, run_id, quarantined_at, dt "
                + "FROM quarantine.cwlogs WHERE dt = '2026-11-24' ORDER BY `offset`").collectAsList();
        assertThat(quarantined).hasSize(2);
        assertThat(quarantined.get(0).getLong(0)).isZero();
        assertThat(quarantined.get(0).getString(1)).isEqualTo("CORRUPT_COMPRESSION");
        assertThat(quarantined.get(0).isNullAt(2)).isTrue();
        assertThat(quarantined.get(1).getLong(0)).isEqualTo(7L);
        assertThat(quarantined.get(1).getString(3)).isEqualTo("{\"messageType\":");
        assertThat(quarantined.get(1).getTimestamp(5)).isEqualTo(INGESTED_AT);
        assertThat(quarantined.get(1).getString(6)).isEqualTo("2026-11-24");
    }

    @Test
    void everyExampleQueryRuns() throws IOException {
        Map<String, String> queries = exampleQueries();
        assertThat(queries).containsOnlyKeys("rejected_traffic_by_interface_day", "top_talkers",
                "app_log_errors_by_log_group", "quarantine_by_reason");

        Map<String, List<Row>> results = new LinkedHashMap<>();
        queries.forEach((name, sql) -> results.put(name, spark.sql(sql).collectAsList()));

        assertThat(results.get("rejected_traffic_by_interface_day")).singleElement().satisfies(row -> {
            assertThat(row.getString(0)).isEqualTo("2026-11-24");
            assertThat(row.getString(1)).isEqualTo("eni-0123456789abcdef0");
            assertThat(row.getLong(2)).isEqualTo(2L);
            assertThat(row.getLong(4)).isEqualTo(5_000L);
        });
        assertThat(results.get("top_talkers")).singleElement().satisfies(row -> assertThat(row.getLong(2)).isEqualTo(9_000L));
        assertThat(results.get("app_log_errors_by_log_group")).singleElement().satisfies(row -> {
            assertThat(row.getString(1)).isEqualTo("/aws/lambda/orders");
            assertThat(row.getLong(2)).isEqualTo(1L);
        });
        assertThat(results.get("quarantine_by_reason")).hasSize(2);
    }

    // ---- helpers

    /** The Athena DDL with the bucket placeholder pointed at the local lake, as a single statement. */
    private static String athenaDdl(String file) throws IOException {
        String ddl = ddlText(file).replace(PLACEHOLDER, layout.lakeRoot()).strip();
        return ddl.endsWith(";") ? ddl.substring(0, ddl.length() - 1) : ddl;
    }

    private static String ddlText(String file) throws IOException {
        return Files.readString(repoRoot().resolve("sql/athena").resolve(file));
    }

    /** Every table DDL in sql/athena/ (all but the example queries). */
    private static List<String> athenaDdlFiles() throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(repoRoot().resolve("sql/athena"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql") && !n.equals("examples.sql")).sorted().toList();
        }
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("tidemark.repo.root", "."));
    }

    /** The queries of examples.sql by name, each the text between its "-- query: name" line and the next. */
    static Map<String, String> exampleQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(repoRoot().resolve("sql/athena/examples.sql"))) {
            if (line.startsWith("-- query: ")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = line.substring("-- query: ".length()).strip();
                sql.setLength(0);
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return queries;
    }

    /** Writes the rows as Tidemark does (a v-test version folder) and registers the partition at it. */
    private static void publish(DatasetSchema schema, LakeArea area, String table, List<String> partitionValues,
            List<Map<String, Object>> rows) {
        StructType struct = DatasetStructs.curatedRow(schema);
        List<Row> data = new ArrayList<>();
        for (Map<String, Object> values : rows) {
            Map<String, Object> full = new LinkedHashMap<>(values);
            if (schema.hasLineage()) {
                full.putIfAbsent(DatasetStructs.SOURCE_OBJECT, "s3://landing/cwlogs/2026/11/24/10/a.gz");
                full.putIfAbsent(DatasetStructs.INGESTED_AT, INGESTED_AT);
                full.putIfAbsent(DatasetStructs.RUN_ID, "test");
            }
            for (int i = 0; i < schema.partitioning().size(); i++) {
                full.put(schema.partitioning().get(i), partitionValues.get(i));
            }
            Object[] row = new Object[struct.fields().length];
            for (int i = 0; i < row.length; i++) {
                row[i] = full.get(struct.fields()[i].name());
            }
            data.add(RowFactory.create(row));
        }
        Dataset<Row> frame = spark.createDataFrame(data, struct);
        PartitionKey key = PartitionKey.of(schema.dataset(), schema.partitioning(), partitionValues);
        List<PartitionVersion> versions = new PartitionVersionWriter().write(schema,
                new MergedPartitions(frame, List.of(key), data.size(), 0), layout.versionRoot(area, table, "test"));

        PartitionVersion version = versions.get(0);
        assertThat(version.location()).endsWith("/" + area.folder() + "/" + table + "/v-test/" + key.path());
        String spec = String.join(", ", key.values().entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'").toList());
        String database = area == LakeArea.CURATED ? "curated" : "quarantine";
        spark.sql("ALTER TABLE " + database + "." + table + " ADD PARTITION (" + spec + ") LOCATION '" + version.location() + "'");
    }

    private static Map<String, Object> flowRow(String eventId, long bytes, String action, String vpcId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event_id", eventId);
        row.put("event_ts", EVENT_TS);
        row.put("owner", "111122223333");
        row.put("log_group", "vpc-flow-logs");
        row.put("log_stream", "eni-0123456789abcdef0-all");
        row.put("version", 5);
        row.put("account_id", "111122223333");
        row.put("interface_id", "eni-0123456789abcdef0");
        row.put("srcaddr", "10.0.1.5");
        row.put("dstaddr", "10.0.2.9");
        row.put("srcport", 49152);
        row.put("dstport", 443);
        row.put("protocol", 6);
        row.put("packets", 10L);
        row.put("bytes", bytes);
        row.put("start", 1_795_515_300L);
        row.put("end", 1_795_515_360L);
        row.put("action", action);
        row.put("log_status", "OK");
        row.put("vpc_id", vpcId);
        row.put("type", "IPv4");
        row.put("region", "eu-west-1");
        row.put("tcp_flags", 2);
        row.put("traffic_path", null);
        return row;
    }

    private static Map<String, Object> values(Map<String, Object> values) {
        return values;
    }

    private static List<String> namesAndTypes(StructType struct) {
        List<String> result = new ArrayList<>();
        for (StructField field : struct.fields()) {
            result.add(field.name() + " " + field.dataType().simpleString());
        }
        return result;
    }

    private static CatalogTable metadata(String database, String table) throws Exception {
        return spark.sessionState().catalog().getTableMetadata(new TableIdentifier(table, Option.apply(database)));
    }

    private static List<String> partitionColumns(String database, String table) throws Exception {
        return scala.collection.JavaConverters.seqAsJavaList(metadata(database, table).partitionColumnNames());
    }

    private static String tableLocation(String database, String table) throws Exception {
        return metadata(database, table).location().getPath();
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
