package io.tidemark.sources.cdc;

import static io.tidemark.sources.cdc.ChangeSinks.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.DmsSourceSpec;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import io.tidemark.testing.Samples;
import io.tidemark.testing.Compress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmsCsvParserTest {
    private static final String PREFIX = "dms/shop/public/sales/";
    private static final Path SAMPLES = Samples.path("dms");

    private static LandedObject object(String key) {
        return new LandedObject("s3://landing/" + key, key, null, null, LocalDate.parse("2026-11-24"));
    }

    private static CollectingSink parse(DmsSourceSpec spec, String key, byte[] bytes) throws IOException {
        CollectingSink sink = ChangeSinks.create();
        new DmsCsvParser(spec).parse(object(key), new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    @Test
    void fullLoadRowsAreInsertsAtTheWindowDate() throws IOException {
        String body = "S1,I-1,Books,12.50,1,2026-11-23 09:00:00,NY,Standard,Google\n"
                + "S2,I-2,Toys,NULL,NULL,NULL,NULL,NULL,NULL\n";
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "LOAD0000000A.csv", Compress.utf8(body));

        assertThat(sink.quarantined).isEmpty();
        assertThat(Arrays.asList(sink.rows.get(0).values()).subList(1, 14)).containsExactly("dms", "I", "S1",
                ts("2026-11-24T00:00:00Z"), "LOAD0000000A.csv:0000000001", "I-1", "Books", 12.5, 1,
                ts("2026-11-23T09:00:00Z"), "NY", "Standard", "Google");
        assertThat(Arrays.asList(sink.rows.get(1).values()).subList(6, 14)).containsExactly("I-2", "Toys", null, null, null,
                null, null, null);
    }

    @Test
    void cdcRowsCarryOpQuotingNullMarkersAndTheFileTime() throws IOException {
        String body = "I,S3,I-3,\"Home, Garden\",5.00,3,2026-11-24 10:00:00.123456,CA,Express,\"line one\nline \"\"two\"\"\"\r\n"
                + "U,S1,I-1,Books,11.00,2,2026-11-23 09:00:00,NY,Standard,\"NULL\"\r\n"
                + "\r\n"
                + "D,S2,I-2,Toys,NULL,NULL,NULL,NULL,NULL,NULL\r\n"
                + "I,S2,I-2,Toys,7.5,1,2026-11-24 10:15:00,WA,Standard,";
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "20261124-101530123.csv", Compress.utf8(body));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("op")).containsExactly("I", "U", "D", "I");
        assertThat(sink.column("sale_id")).containsExactly("S3", "S1", "S2", "S2");
        assertThat(sink.column("change_ts")).containsOnly(ts("2026-11-24T10:15:30.123Z"));
        assertThat(sink.column("source_seq")).containsExactly("20261124-101530123.csv:0000000001",
                "20261124-101530123.csv:0000000002", "20261124-101530123.csv:0000000003",
                "20261124-101530123.csv:0000000004");
        assertThat(sink.get(0, "category")).isEqualTo("Home, Garden");
        assertThat(sink.get(0, "referral")).isEqualTo("line one\nline \"two\"");
        assertThat(sink.get(0, "order_date")).isEqualTo(ts("2026-11-24T10:00:00.123456Z"));
        assertThat(sink.get(1, "referral")).isEqualTo("NULL");
        assertThat(sink.get(2, "price")).isNull();
        assertThat(sink.get(2, "referral")).isNull();
        assertThat(sink.get(3, "referral")).isEqualTo("");
        assertThat(sink.column("change_key")).doesNotHaveDuplicates();
    }

    @Test
    void aRedeliveredFileGivesTheSameKeysAndGzipIsDetectedByMagic() throws IOException {
        String body = "I,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G\nD,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G\n";
        CollectingSink plain = parse(DmsSourceSpec.defaults(), PREFIX + "20261124-1015300000.csv", Compress.utf8(body));
        CollectingSink again = parse(DmsSourceSpec.defaults(), "dms/other/public/sales/20261124-1015300000.csv",
                Compress.gzip(body));
        assertThat(again.column("change_key")).containsExactlyElementsOf(plain.column("change_key"));
        assertThat(plain.column("change_key")).doesNotHaveDuplicates();
        assertThat(plain.get(0, "change_ts")).isEqualTo(ts("2026-11-24T10:15:30Z"));
    }

    @Test
    void quarantinesBadRecordsWithoutShiftingFields() throws IOException {
        String body = String.join("\n",
                "I,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard",                 // 9 fields, expected 10
                "I,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G,extra",         // 11 fields
                "X,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G",               // unknown Op
                "U,NULL,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G",             // null key
                "U,,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G",                 // empty key
                "U,S1,I-1,Books,1.x,1,2026-11-24 10:00:00,NY,Standard,G",             // bad price
                "U,S1,I-1,Books,1,1,yesterday,NY,Standard,G",                         // bad order date
                "U,S1,I-1,\"Books\"x,1,1,2026-11-24 10:00:00,NY,Standard,G",          // text after closing quote
                "U,S9,I-9,Books,1,1,2026-11-24 10:00:00,NY,Standard,G",
                "U,S1,I-1,\"Books,1,1,2026-11-24 10:00:00,NY,Standard,G");            // quote never closed
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "20261124-101530123.csv", Compress.utf8(body));

        assertThat(sink.column("sale_id")).containsExactly("S9");
        assertThat(sink.quarantined).extracting(q -> q.reason()).containsExactly(ReasonCode.MALFORMED_CSV,
                ReasonCode.MALFORMED_CSV, ReasonCode.UNKNOWN_RECORD_TYPE, ReasonCode.MISSING_KEY,
                ReasonCode.MISSING_KEY, ReasonCode.SCHEMA_MISMATCH, ReasonCode.BAD_TIMESTAMP,
                ReasonCode.MALFORMED_CSV, ReasonCode.MALFORMED_CSV);
        assertThat(sink.quarantined.get(0).detail()).contains("found 9 fields, expected 10");
        assertThat(sink.quarantined.get(2).detail()).contains("Op 'X'");
        assertThat(sink.quarantined.get(0).raw()).isEqualTo("I,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard");
        assertThat(sink.quarantined.get(8).detail()).contains("never closed");
    }

    @Test
    void headerAndTimestampColumnAsConfigured() throws IOException {
        DmsSourceSpec spec = new DmsSourceSpec(List.of("dms_ts", "sale_id", "item_id", "category", "price", "quantity",
                "order_date", "destination_state", "shipping_type", "referral"), true, "dms_ts", null, true);
        String load = "Op,dms_ts,sale_id,item_id,category,price,quantity,order_date,destination_state,shipping_type,referral\n"
                + "I,2026-11-24 09:00:00.000000,S1,I-1,Books,1,1,2026-11-24 08:00:00,NY,Standard,G\n";
        CollectingSink full = parse(spec, PREFIX + "LOAD00000001.csv", Compress.utf8(load));
        assertThat(full.quarantined).isEmpty();
        assertThat(full.column("change_ts")).containsExactly(ts("2026-11-24T09:00:00Z"));
        assertThat(full.column("source_seq")).containsExactly("LOAD00000001.csv:0000000002");

        String cdc = "Op,dms_ts,sale_id,item_id,category,price,quantity,order_date,destination_state,shipping_type,referral\n"
                + "U,2026-11-24 10:12:03.441210,S1,I-1,Books,2,1,2026-11-24 08:00:00,NY,Standard,G\n"
                + "D,NULL,S1,I-1,Books,2,1,2026-11-24 08:00:00,NY,Standard,G\n";
        CollectingSink changes = parse(spec, PREFIX + "20261124-1015300000.csv", Compress.utf8(cdc));
        assertThat(changes.column("change_ts")).containsExactly(ts("2026-11-24T10:12:03.441210Z"));
        assertThat(changes.reasonCounts()).isEqualTo(Map.of(ReasonCode.BAD_TIMESTAMP, 1L));
    }

    @Test
    void aQuotedCrlfStaysInsideTheFieldAndALoneCrEndsARecord() throws IOException {
        String body = "I,S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,\"a\r\nb\"\r"
                + "I,S2,I-2,Books,1,1,2026-11-24 10:00:00,NY,Standard,c";
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "20261124-101530.csv", Compress.utf8(body));
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("referral")).containsExactly("a\r\nb", "c");
        assertThat(sink.column("change_ts")).containsOnly(ts("2026-11-24T10:15:30Z"));
    }

    @Test
    void aFiveMegabyteQuotedFieldIsOversizedAndItsNeighboursAreRead() throws IOException {
        DmsSourceSpec spec = new DmsSourceSpec(null, null, null, null, null, 64 * 1024);
        String big = "I,S2,I-2,\"" + "x\n\"\",".repeat(1 << 20) + "\",1,1,2026-11-24 10:00:00,NY,Standard,G\n";
        String body = "S1,I-1,Books,1,1,2026-11-24 10:00:00,NY,Standard,G\n" + big.substring(2)
                + "S3,I-3,Books,1,1,2026-11-24 10:00:00,NY,Standard,G\n";
        assertThat(big.length()).isGreaterThan(5_000_000);
        CollectingSink sink = parse(spec, PREFIX + "LOAD00000001.csv.gz", Compress.gzip(body));

        assertThat(sink.column("sale_id")).containsExactly("S1", "S3");
        assertThat(sink.column("source_seq")).containsExactly("LOAD00000001.csv.gz:0000000001",
                "LOAD00000001.csv.gz:0000000003");
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.OVERSIZED_RECORD);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.raw()).startsWith("S2,I-2,\"x\n").hasSizeLessThanOrEqualTo(1024);
            assertThat(q.detail()).contains("maxRecordBytes 65536", "record 2 of LOAD00000001.csv.gz");
        });
    }

    @Test
    void aQuotedNewlineStaysInsideItsField() throws IOException {
        String body = "S1,I-1,\"Books\nand more\",1,1,2026-11-24 10:00:00,NY,Standard,G\n"
                + "S2,I-2,Toys,1,1,2026-11-24 10:00:00,NY,Standard,G\n";
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "LOAD00000001.csv", Compress.utf8(body));
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("category")).containsExactly("Books\nand more", "Toys");
        assertThat(sink.column("source_seq")).containsExactly("LOAD00000001.csv:0000000001", "LOAD00000001.csv:0000000002");
    }

    @Test
    void aTruncatedGzipKeepsTheCompleteRecordsAndQuarantinesTheCut() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            body.append("S").append(i).append(",I-").append(i).append(",\"Books, ").append(i % 13)
                    .append("\",1,1,2026-11-24 10:00:00,NY,Standard,G").append(i % 7).append('\n');
        }
        byte[] gz = Compress.gzip(body.toString());
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "LOAD00000001.csv.gz", Arrays.copyOf(gz, gz.length / 2));

        int n = sink.rows.size();
        assertThat(n).isPositive().isLessThan(3000);
        for (int i = 0; i < n; i++) {
            assertThat(sink.get(i, "sale_id")).isEqualTo("S" + i);
        }
        assertThat(sink.get(n - 1, "referral")).isEqualTo("G" + ((n - 1) % 7));
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(n);
        });
    }

    @Test
    void specDefaultsAndBoundsMaxRecordBytes() {
        assertThat(DmsSourceSpec.defaults().maxRecordBytes()).isEqualTo(1 << 20);
        assertThatThrownBy(() -> new DmsSourceSpec(null, null, null, null, null, 1023))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxRecordBytes");
    }

    @Test
    void unknownFileNamesAreQuarantinedOnce() throws IOException {
        CollectingSink sink = parse(DmsSourceSpec.defaults(), PREFIX + "LOAD1.csv", Compress.utf8("S1,a,b,1,1,x,y,z,w\n"));
        assertThat(sink.rows).isEmpty();
        assertThat(sink.reasonCounts()).isEqualTo(Map.of(ReasonCode.UNKNOWN_RECORD_TYPE, 1L));
        assertThat(sink.quarantined.get(0).detail()).contains("LOAD1.csv");
    }

    @Test
    void specRejectsAMissingKeyColumnOrAnUnlistedTimestampColumn() {
        assertThatThrownBy(() -> new DmsSourceSpec(List.of("id", "price"), null, null, null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sale_id");
        assertThatThrownBy(() -> new DmsSourceSpec(null, null, "dms_ts", null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dms_ts");
    }

    /** Qlik Replicate full load (not DMS): header, emoji in a quoted field, 7 fractional digits, no final newline. */
    @Test
    void qlikFullLoadSampleReadsWithASpecForItsColumns() throws IOException {
        DmsSourceSpec spec = new DmsSourceSpec(List.of("sale_id", "category", "order_date", "edw_updated_dtm"), true,
                null, null, null);
        CollectingSink sink = parse(spec, PREFIX + "LOAD00000001.csv.gz", sample("mbta_qlik_EDW.SAMPLE_LOAD1.csv.gz"));
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("sale_id")).containsExactly("1", "2");
        assertThat(sink.get(0, "category")).isEqualTo("Sample 1 \uD83D\uDD25");
        assertThat(sink.get(0, "order_date")).isEqualTo(ts("2021-12-01T11:20:30.4444444Z"));
        assertThat(sink.column("op")).containsOnly("I");
    }

    /** Qlik change table: its operation is the second column, not a leading Op, so every row is UNKNOWN_RECORD_TYPE. */
    @Test
    void qlikChangeTableSampleIsQuarantinedCleanly() throws IOException {
        DmsSourceSpec spec = new DmsSourceSpec(List.of("header__change_oper", "header__timestamp", "sale_id",
                "category", "order_date", "edw_updated_dtm"), true, null, null, null);
        CollectingSink sink = parse(spec, PREFIX + "20211201-112233444.csv.gz",
                sample("mbta_qlik_EDW.SAMPLE__ct_20211201-112233444.csv.gz"));
        assertThat(sink.rows).isEmpty();
        assertThat(sink.reasonCounts()).isEqualTo(Map.of(ReasonCode.UNKNOWN_RECORD_TYPE, 2L));
        assertThat(sink.quarantined.get(0).raw()).startsWith("20210915031230320000000000000000041,I,");

        CollectingSink defaults = parse(DmsSourceSpec.defaults(), PREFIX + "20211201-112233444.csv.gz",
                sample("mbta_qlik_EDW.SAMPLE__ct_20211201-112233444.csv.gz"));
        assertThat(defaults.rows).isEmpty();
        assertThat(defaults.reasonCounts()).isEqualTo(Map.of(ReasonCode.MALFORMED_CSV, 3L));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(name))) {
            return in.readAllBytes();
        }
    }
}
