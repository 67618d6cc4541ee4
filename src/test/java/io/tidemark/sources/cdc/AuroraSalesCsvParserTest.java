package io.tidemark.sources.cdc;

import static io.tidemark.sources.cdc.ChangeSinks.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import io.tidemark.testing.Compress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class AuroraSalesCsvParserTest {
    private static final String LINE1 = "I-1001,Electronics,199.99,2,2026-11-24 10:15:30,CA,Express,Google";
    private static final String LINE2 = "I-1002,Books,12.5,1,2026-11-24 23:59:59,NY,Standard,";
    private static final String LINE3 = "I-1003,Toys,0.10,10,2026-11-25 00:00:00,TX,Overnight,Facebook";

    private final AuroraSalesCsvParser parser = new AuroraSalesCsvParser(new AuroraSalesSourceSpec());

    private static final Instant ARRIVAL = Instant.parse("2026-11-24T11:00:00Z");

    private static LandedObject object(String key, Instant arrival) {
        return new LandedObject("s3://landing/" + key, key, arrival, null, LocalDate.parse("2026-11-24"));
    }

    private CollectingSink parse(String key, byte[] bytes) throws IOException {
        return parse(object(key, ARRIVAL), bytes);
    }

    private CollectingSink parse(LandedObject object, byte[] bytes) throws IOException {
        CollectingSink sink = ChangeSinks.create();
        parser.parse(object, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    @Test
    void readsCrlfBlankLinesAndMissingFinalNewlineIntoInsertRows() throws IOException {
        String body = LINE1 + "\r\n\r\n" + LINE2 + "\n\n" + LINE3;
        CollectingSink sink = parse("aurora-sales/2026/11/24/11/sales-1-2026-11-24-11-00-00-a", Compress.utf8(body));

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).hasSize(3);
        assertThat(sink.offsets()).containsExactly(0L, 1L, 2L);
        Object[] first = sink.rows.get(0).values();
        String saleId = DigestUtils.sha256Hex(LINE1.getBytes(StandardCharsets.UTF_8));
        assertThat(Arrays.asList(first).subList(1, 14)).containsExactly("aurora", "I", saleId,
                ts("2026-11-24T11:00:00Z"), "aurora-sales/2026/11/24/11/sales-1-2026-11-24-11-00-00-a:0000000001",
                "I-1001", "Electronics", 199.99, 2, ts("2026-11-24T10:15:30Z"), "CA", "Express", "Google");
        assertThat((String) first[0]).hasSize(64);
        assertThat(sink.get(1, "referral")).isEqualTo("");
        assertThat(sink.get(1, "price")).isEqualTo(12.5);
        assertThat(sink.get(2, "price")).isEqualTo(0.1);
        assertThat(sink.eventTimes()).as("the trigger fired when the object's records arrived").containsOnly(ARRIVAL);
    }

    @Test
    void aBackDatedSaleChangesWhenItsObjectArrivedAndKeepsItsOrderDate() throws IOException {
        // issue 10 item 1: a historical sale loaded through the trigger is a change of today, ordered months ago
        String line = "I-2001,Garden,50.00,3,2026-02-14 09:30:00,WA,Standard,Direct";
        CollectingSink sink = parse("aurora-sales/2026/11/24/11/a", Compress.utf8(line + "\n"));

        assertThat(sink.get(0, "change_ts")).isEqualTo(ts("2026-11-24T11:00:00Z"));
        assertThat(sink.get(0, "order_date")).isEqualTo(ts("2026-02-14T09:30:00Z"));
        assertThat(sink.eventTimes()).containsExactly(ARRIVAL);
    }

    @Test
    void anObjectOutsideTheFirehoseLayoutChangesAtTheStartOfItsWindowDate() throws IOException {
        CollectingSink sink = parse(object("aurora-sales/manual/a.csv", null), Compress.utf8(LINE1 + "\n"));
        assertThat(sink.get(0, "change_ts")).isEqualTo(ts("2026-11-24T00:00:00Z"));
    }

    @Test
    void gzipAndPlainGiveTheSameRowsAndARedeliveryTheSameKeys() throws IOException {
        String body = LINE1 + "\n" + LINE2 + "\n";
        CollectingSink plain = parse("aurora-sales/2026/11/24/11/a", Compress.utf8(body));
        CollectingSink gzip = parse(object("aurora-sales/2026/11/24/12/b", ARRIVAL.plusSeconds(3617)), Compress.gzip(body));

        assertThat(gzip.column("change_key")).containsExactlyElementsOf(plain.column("change_key"));
        assertThat(gzip.column("sale_id")).containsExactlyElementsOf(plain.column("sale_id"));
        assertThat(gzip.column("source_seq")).containsExactly("aurora-sales/2026/11/24/12/b:0000000001",
                "aurora-sales/2026/11/24/12/b:0000000002");
        assertThat(plain.column("change_key")).doesNotHaveDuplicates();
    }

    @Test
    void identicalSalesCollapseIntoOneKey() throws IOException {
        CollectingSink sink = parse("aurora-sales/2026/11/24/11/a", Compress.utf8(LINE1 + "\n" + LINE1 + "\n"));
        assertThat(sink.rows).hasSize(2);
        assertThat(sink.get(0, "change_key")).isEqualTo(sink.get(1, "change_key"));
    }

    @Test
    void quarantinesWrongFieldCountsBadNumbersAndBadOrderDates() throws IOException {
        String body = String.join("\n",
                "I-1,Books,12.5,1,2026-11-24 10:00:00,NY,Standard",                    // 7 fields
                "I-2,Books,12.5,1,2026-11-24 10:00:00,NY,Standard,Google,extra",       // 9 fields
                "I-3,Books,twelve,1,2026-11-24 10:00:00,NY,Standard,Google",
                "I-4,Books,12.5,1.5,2026-11-24 10:00:00,NY,Standard,Google",
                "I-5,Books,12.5,1,2026-13-24 10:00:00,NY,Standard,Google",
                "I-6,Books,12.5,1,,NY,Standard,Google",
                "I-7,Books,12.5,1,24/11/2026 10:00,NY,Standard,Google",
                LINE1);
        CollectingSink sink = parse("aurora-sales/2026/11/24/11/a", Compress.utf8(body));

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.get(0, "item_id")).isEqualTo("I-1001");
        assertThat(sink.quarantined).extracting(q -> q.reason()).containsExactly(ReasonCode.MALFORMED_CSV,
                ReasonCode.MALFORMED_CSV, ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH,
                ReasonCode.BAD_TIMESTAMP, ReasonCode.BAD_TIMESTAMP, ReasonCode.BAD_TIMESTAMP);
        assertThat(sink.quarantined).extracting(q -> q.offset()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sink.quarantined.get(0).raw()).isEqualTo("I-1,Books,12.5,1,2026-11-24 10:00:00,NY,Standard");
        assertThat(sink.quarantined.get(0).detail()).contains("found 7", "expected 8");
        assertThat(sink.quarantined.get(2).detail()).contains("Price", "'twelve'");
        assertThat(sink.quarantined.get(3).detail()).contains("Quantity", "'1.5'");
        assertThat(sink.quarantined.get(4).detail()).contains("OrderDate", "2026-13-24");
    }

    @Test
    void aTruncatedGzipKeepsTheCompleteLinesAndReportsTheCut() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append("I-").append(i).append(",Books,").append(i).append(".25,1,2026-11-24 10:00:00,NY,Standard,G")
                    .append(i % 7).append('\n');
        }
        byte[] gz = Compress.gzip(body.toString());
        CollectingSink sink = parse("aurora-sales/2026/11/24/11/a", Arrays.copyOf(gz, gz.length / 2));

        assertThat(sink.rows).isNotEmpty().hasSizeLessThan(2000);
        assertThat(sink.reasonCounts()).isEqualTo(Map.of(ReasonCode.TRUNCATED_OBJECT, 1L));
        int n = sink.rows.size();
        assertThat(sink.get(n - 1, "price")).isEqualTo((n - 1) + 0.25);
        assertThat(sink.get(n - 1, "referral")).isEqualTo("G" + ((n - 1) % 7));
    }

    @Test
    void aLineOverTheLimitIsOversizedAndItsNeighboursAreRead() throws IOException {
        AuroraSalesCsvParser small = new AuroraSalesCsvParser(new AuroraSalesSourceSpec(1024));
        String huge = "I-9,Books,1,1,2026-11-24 10:00:00,NY,Standard," + "x".repeat(3 << 20);
        CollectingSink sink = ChangeSinks.create();
        small.parse(object("aurora-sales/2026/11/24/11/a", ARRIVAL),
                new ByteArrayInputStream(Compress.gzip(LINE1 + "\n" + huge + "\n" + LINE2 + "\n")), sink);

        assertThat(sink.column("item_id")).containsExactly("I-1001", "I-1002");
        assertThat(sink.offsets()).containsExactly(0L, 2L);
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.OVERSIZED_RECORD);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.raw()).startsWith("I-9,Books,").hasSizeLessThanOrEqualTo(1024);
        });
    }

    @Test
    void specDefaultsAndBoundsMaxRecordBytes() {
        assertThat(new AuroraSalesSourceSpec().maxRecordBytes()).isEqualTo(1 << 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuroraSalesSourceSpec(100))
                .isInstanceOf(io.tidemark.config.ConfigException.class).hasMessageContaining("maxRecordBytes");
    }

    @Test
    void emptyObjectGivesNothing() throws IOException {
        CollectingSink sink = parse("aurora-sales/2026/11/24/11/a", new byte[0]);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined).isEmpty();
        assertThat(parser.datasets()).isEqualTo(List.of("sales_changes"));
    }
}
