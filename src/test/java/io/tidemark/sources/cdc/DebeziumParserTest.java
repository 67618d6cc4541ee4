package io.tidemark.sources.cdc;

import static io.tidemark.sources.cdc.ChangeSinks.ts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.tidemark.config.DebeziumSourceSpec;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import io.tidemark.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebeziumParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Samples.path("debezium");
    private static final LandedObject OBJECT = new LandedObject("s3://landing/debezium/shop.public.sales/x.json",
            "debezium/shop.public.sales/x.json", null, null, LocalDate.parse("2026-11-24"));
    private static final String SOURCE_MYSQL = "\"source\":{\"connector\":\"mysql\",\"ts_ms\":1764000000000,"
            + "\"file\":\"mysql-bin.000004\",\"pos\":1577,\"row\":1,\"snapshot\":\"false\"}";
    private static final String ROW = "{\"sale_id\":42,\"item_id\":\"I-42\",\"category\":\"Books\",\"price\":12.5,"
            + "\"quantity\":3,\"order_date\":1763990000000,\"destination_state\":\"NY\",\"shipping_type\":\"Standard\","
            + "\"referral\":null}";

    private static CollectingSink parse(DebeziumSourceSpec spec, String... documents) throws IOException {
        CollectingSink sink = ChangeSinks.create();
        DebeziumParser parser = new DebeziumParser(spec);
        for (int i = 0; i < documents.length; i++) {
            parser.parse(documents[i] == null ? null : JSON.readTree(documents[i]), documents[i], i, OBJECT, sink);
        }
        return sink;
    }

    private static CollectingSink parse(String... documents) throws IOException {
        return parse(DebeziumSourceSpec.defaults(), documents);
    }

    @Test
    void opsMapToIUDWithMysqlPositionsAndSourceTime() throws IOException {
        CollectingSink sink = parse(
                "{\"before\":null,\"after\":" + ROW + "," + SOURCE_MYSQL + ",\"op\":\"c\",\"ts_ms\":1764000000500}",
                "{\"before\":null,\"after\":" + ROW + "," + SOURCE_MYSQL + ",\"op\":\"r\",\"ts_ms\":1764000000500}",
                "{\"before\":" + ROW + ",\"after\":" + ROW.replace("12.5", "\"13.75\"") + "," + SOURCE_MYSQL
                        + ",\"op\":\"u\",\"ts_ms\":1764000000500}",
                "{\"before\":{\"sale_id\":42},\"after\":null," + SOURCE_MYSQL.replace("1577", "2011")
                        + ",\"op\":\"d\",\"ts_ms\":1764000000500}");

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("op")).containsExactly("I", "I", "U", "D");
        assertThat(Arrays.asList(sink.rows.get(0).values()).subList(1, 14)).containsExactly("debezium", "I", "42",
                ts("2025-11-24T16:00:00Z"), "mysql:mysql-bin.000004:00000000000000001577:0000000001", "I-42", "Books",
                12.5, 3, Timestamp.from(java.time.Instant.ofEpochMilli(1763990000000L)), "NY", "Standard", null);
        assertThat(sink.get(2, "price")).isEqualTo(13.75);
        assertThat(Arrays.asList(sink.rows.get(3).values()).subList(6, 14)).containsOnlyNulls();
        assertThat(sink.get(3, "source_seq")).isEqualTo("mysql:mysql-bin.000004:00000000000000002011:0000000001");
        assertThat(sink.get(0, "change_key")).isEqualTo(sink.get(1, "change_key"))
                .as("a snapshot read of the same position is the same change");
        assertThat(sink.get(2, "change_key")).isNotEqualTo(sink.get(3, "change_key"));
    }

    @Test
    void tombstonesAreControlTraffic() throws IOException {
        CollectingSink sink = parse(new String[] {null, "null", "{}", "{\"schema\":null,\"payload\":null}",
                "{\"schema\":{\"type\":\"struct\"},\"payload\":{}}"});
        CollectingSink missing = ChangeSinks.create();
        new DebeziumParser(DebeziumSourceSpec.defaults()).parse(NullNode.getInstance(), "", 0, OBJECT, missing);
        assertThat(sink.controls).isEqualTo(5);
        assertThat(missing.controls).isEqualTo(1);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void decimalEncodings() throws IOException {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"field\":\"after\",\"fields\":["
                + "{\"type\":\"int64\",\"field\":\"sale_id\"},"
                + "{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"},\"field\":\"price\"},"
                + "{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\",\"field\":\"order_date\"}]}]}";
        CollectingSink sink = parse(
                "{\"schema\":" + schema + ",\"payload\":{\"after\":{\"sale_id\":1,\"price\":\"BOI=\",\"order_date\":20416},"
                        + "\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}}",
                "{\"after\":{\"sale_id\":2,\"price\":\"12.50\"},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}",
                "{\"after\":{\"sale_id\":3,\"price\":{\"scale\":1,\"value\":\"fw==\"}},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}",
                "{\"after\":{\"sale_id\":4,\"price\":\"BOI=\"},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}",
                "{\"schema\":{\"fields\":[{\"field\":\"after\",\"fields\":[{\"type\":\"bytes\",\"name\":"
                        + "\"org.apache.kafka.connect.data.Decimal\",\"field\":\"price\"}]}]},\"payload\":{\"after\":"
                        + "{\"sale_id\":5,\"price\":\"BOI=\"},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}}",
                "{\"after\":{\"sale_id\":6,\"price\":true},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}");

        assertThat(sink.column("sale_id")).containsExactly("1", "2", "3");
        assertThat(sink.column("price")).containsExactly(12.5, 12.5, 12.7);
        assertThat(sink.get(0, "order_date")).isEqualTo(Timestamp.from(
                LocalDate.ofEpochDay(20416).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(sink.reasonCounts()).isEqualTo(Map.of(ReasonCode.SCHEMA_MISMATCH, 3L));
        assertThat(sink.quarantined.get(0).detail()).contains("'BOI='", "schema");
        assertThat(sink.quarantined.get(1).detail()).contains("no scale");
        assertThat(sink.quarantined).extracting(q -> q.offset()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void temporalEncodingsWithoutSchemaByMagnitude() throws IOException {
        String[] values = {"20416", "1763990000123", "1763990000123456", "\"2025-11-24T13:13:20.123456Z\"",
                "\"2025-11-24 13:13:20\"", "\"2025-11-24\"", "\"soon\"", "1.5"};
        String[] docs = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            docs[i] = "{\"after\":{\"sale_id\":" + i + ",\"order_date\":" + values[i]
                    + "},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}";
        }
        CollectingSink sink = parse(docs);
        assertThat(sink.column("order_date")).containsExactly(ts("2025-11-24T00:00:00Z"), ts("2025-11-24T13:13:20.123Z"),
                ts("2025-11-24T13:13:20.123456Z"), ts("2025-11-24T13:13:20.123456Z"), ts("2025-11-24T13:13:20Z"),
                ts("2025-11-24T00:00:00Z"));
        assertThat(sink.reasonCounts()).isEqualTo(Map.of(ReasonCode.BAD_TIMESTAMP, 2L));
    }

    @Test
    void badEventsAreQuarantinedWithTheRawText() throws IOException {
        String truncate = "{\"before\":null,\"after\":null,\"source\":{\"ts_ms\":1764000000000},\"op\":\"t\"}";
        CollectingSink sink = parse(truncate,
                "{\"after\":{\"item_id\":\"x\"},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}",
                "{\"before\":null,\"after\":null,\"source\":{\"ts_ms\":1764000000000},\"op\":\"d\"}",
                "{\"after\":{\"sale_id\":1},\"source\":{\"ts_ms\":0},\"op\":\"c\"}",
                "{\"after\":{\"sale_id\":1,\"quantity\":3000000000},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}",
                "{\"after\":{\"sale_id\":1,\"category\":{\"a\":1}},\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}",
                "[1,2]");
        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).extracting(q -> q.reason()).containsExactly(ReasonCode.UNKNOWN_RECORD_TYPE,
                ReasonCode.MISSING_KEY, ReasonCode.MISSING_KEY, ReasonCode.BAD_TIMESTAMP, ReasonCode.SCHEMA_MISMATCH,
                ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH);
        assertThat(sink.quarantined.get(0).raw()).isEqualTo(truncate);
        assertThat(sink.quarantined.get(0).detail()).contains("'t'");
    }

    @Test
    void primaryKeyChangeFlowsThroughAsDeleteAndCreateAndPostgresLsnOrders() throws IOException {
        String pg = "\"source\":{\"connector\":\"postgresql\",\"ts_ms\":1764000000000,\"lsn\":24023168}";
        CollectingSink sink = parse(
                "{\"before\":{\"sale_id\":7},\"after\":null," + pg + ",\"op\":\"d\"}",
                "{\"before\":null,\"after\":{\"sale_id\":8,\"price\":1}," + pg.replace("24023168", "24023200") + ",\"op\":\"c\"}",
                "{\"after\":{\"sale_id\":9},\"ts_ms\":1764000000999,\"op\":\"c\"}");
        assertThat(sink.column("op")).containsExactly("D", "I", "I");
        assertThat(sink.column("sale_id")).containsExactly("7", "8", "9");
        assertThat(sink.column("source_seq")).containsExactly("postgresql:00000000000024023168",
                "postgresql:00000000000024023200", "ts:00000001764000000999");
        assertThat(sink.get(2, "change_ts")).isEqualTo(ts("2025-11-24T16:00:00.999Z"));
    }

    @Test
    void mysqlAllTypesSampleWithSchemaAndAFieldMapping() throws IOException {
        DebeziumSourceSpec spec = new DebeziumSourceSpec("_id", Map.of("_char", "item_id", "_varchar", "category",
                "_numeric", "price", "_int", "quantity", "_datetime6", "order_date", "_enum", "destination_state",
                "_tinytext", "shipping_type", "_text", "referral"));
        CollectingSink sink = parse(spec, sampleLines("paimon_mysql_alltype_schema_payload.txt").toArray(String[]::new));
        assertThat(sink.quarantined).isEmpty();
        assertThat(Arrays.asList(sink.rows.get(0).values()).subList(1, 14)).containsExactly("debezium", "I", "1",
                ts("2024-01-25T07:18:06.275Z"), "ts:00000001706167086275", "Paimon", "Apache Paimon", 12345.11, 1000000,
                ts("2023-03-23T14:30:05.123456Z"), "value1", "Apache Paimon MySQL TINYTEXT Test Data",
                "Apache Paimon MySQL Test Data");

        DebeziumSourceSpec dates = new DebeziumSourceSpec("_id", Map.of("_date", "order_date", "pt", "price"));
        CollectingSink byDate = parse(dates, sampleLines("paimon_mysql_alltype_schema_payload.txt").toArray(String[]::new));
        assertThat(byDate.get(0, "order_date")).isEqualTo(ts("2023-03-23T00:00:00Z"));
        assertThat(byDate.get(0, "price")).isEqualTo(1.1);

        DebeziumSourceSpec zoned = new DebeziumSourceSpec("_id", Map.of("_timestamp", "order_date", "_bit", "price"));
        CollectingSink bits = parse(zoned, sampleLines("paimon_mysql_alltype_schema_payload.txt").toArray(String[]::new));
        assertThat(bits.reasonCounts()).isEqualTo(Map.of(ReasonCode.SCHEMA_MISMATCH, 1L));
    }

    @Test
    void deleteSampleWithNullSchema() throws IOException {
        DebeziumSourceSpec spec = new DebeziumSourceSpec("id", Map.of("name", "category", "weight", "price",
                "description", "referral"));
        CollectingSink sink = parse(spec, sampleLines("paimon_schema_null_with_delete.txt").toArray(String[]::new));
        assertThat(sink.quarantined).isEmpty();
        assertThat(Arrays.asList(sink.rows.get(0).values()).subList(1, 14)).containsExactly("debezium", "D", "101",
                ts("2020-08-06T03:34:43Z"), "ts:00000001596684883000", null, "scooter", 3.14, null, null, null, null,
                "Small 2-wheel scooter");
    }

    @Test
    void fourBareCreateSamples() throws IOException {
        DebeziumSourceSpec spec = new DebeziumSourceSpec("id", Map.of("name", "category", "weight", "price"));
        CollectingSink sink = parse(spec, sampleLines("paimon_database_include_topic0.txt").toArray(String[]::new));
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("sale_id")).containsExactly("101", "102", "103", "104");
        assertThat(sink.column("op")).containsOnly("I");
        assertThat(sink.column("price")).containsExactly(3.14, 8.1, 0.8, 0.75);
        assertThat(sink.column("category")).containsExactly("scooter", "car battery", "12-pack drill bits", "hammer");
        assertThat(sink.column("change_key")).doesNotHaveDuplicates();
    }

    @Test
    void aPayloadEnvelopeWithoutSchemaKeyIsUnwrapped() throws IOException {
        CollectingSink sink = parse("{\"payload\":{\"after\":{\"sale_id\":\"A-1\",\"quantity\":\"4\"},"
                + "\"source\":{\"ts_ms\":1764000000000},\"op\":\"c\"}}");
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("sale_id")).containsExactly("A-1");
        assertThat(sink.column("quantity")).containsExactly(4);
    }

    /** The sample's JSON lines, after its leading license comment block. */
    private static List<String> sampleLines(String name) throws IOException {
        String text = Files.readString(SAMPLES.resolve(name));
        text = text.substring(text.indexOf("*/") + 2);
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
