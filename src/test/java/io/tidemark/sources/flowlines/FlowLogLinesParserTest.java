package io.tidemark.sources.flowlines;

import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.ConfigException;
import io.tidemark.config.FlowLogLinesSourceSpec;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.SourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.registry.ObjectParsers;
import io.tidemark.config.FlowLogFormat;
import io.tidemark.testing.CollectingSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class FlowLogLinesParserTest {
    private static final String GROUP = "/vpc/flow-logs";
    private static final String V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private static final String OK = "2 111122223333 eni-0a1b2c3d4e5f60718 10.0.1.25 10.0.2.40 49152 443 6 12 4810 1709658240 1709658300 ACCEPT OK";
    private static final String REJECT = "2 111122223333 eni-0a1b2c3d4e5f60718 203.0.113.7 10.0.1.25 51515 22 6 2 80 1709661900 1709661960 REJECT OK";
    private static final String NODATA = "2 111122223333 eni-0a1b2c3d4e5f60718 - - - - - - - 1709658240 1709658300 - NODATA";
    private static final String SKIPDATA = "2 unknown eni-0ffff - - - - - - - 1709658240 1709658300 - SKIPDATA";
    private static final String V5_HEADER =
            "version vpc-id srcaddr dstaddr dstport protocol bytes action flow-direction traffic-path pkt-dst-aws-service start log-status interface-id";
    private static final String V5_LINE = "5 vpc-0123abcd 10.0.1.25 52.216.1.10 443 6 9120 ACCEPT egress 8 S3 1709658240 OK eni-0a1b2c3d4e5f60718";

    private final FlowLogLinesParser parser = new FlowLogLinesParser(GROUP, FlowLogFormat.DEFAULT_V2, 1024);

    private static LandedObject object() {
        return new LandedObject("file:/landing/flowlogs-lines/2024/03/05/17/lines-1-2024-03-05-17-04-59-x",
                "flowlogs-lines/2024/03/05/17/lines-1-2024-03-05-17-04-59-x", Instant.parse("2024-03-05T17:04:59Z"),
                null, LocalDate.parse("2024-03-05"));
    }

    private CollectingSink parse(FlowLogLinesParser with, byte[] bytes) throws IOException {
        CollectingSink sink = CollectingSink.of("vpc_flow_logs").noControls();
        with.parse(object(), new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    private CollectingSink parse(String text) throws IOException {
        return parse(parser, utf8(text));
    }

    private static String sha(String s) {
        return "l-" + DigestUtils.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void v2LinesBecomeRowsWithContentKeyStartAsEventTimeAndNoStream() throws IOException {
        CollectingSink sink = parse(V2_HEADER + "\n" + OK + "\n\n   \n" + NODATA + "\r\n" + SKIPDATA + "\n" + REJECT);
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).hasSize(4);
        assertThat(sink.offsets()).containsExactly(1L, 4L, 5L, 6L);
        Map<String, Object> ok = sink.rows.get(0).asMap();
        assertThat(ok.get("event_id")).isEqualTo(sha(GROUP + "\n" + OK));
        assertThat(ok.get("event_ts")).isEqualTo(new Timestamp(1709658240_000L));
        assertThat(ok.get("owner")).isEqualTo("111122223333");
        assertThat(ok.get("log_group")).isEqualTo(GROUP);
        assertThat(ok).containsEntry("log_stream", null);
        assertThat(new java.util.ArrayList<>(ok.values()).subList(5, 19)).containsExactly(2, "111122223333", "eni-0a1b2c3d4e5f60718",
                "10.0.1.25", "10.0.2.40", 49152, 443, 6, 12L, 4810L, 1709658240L, 1709658300L, "ACCEPT", "OK");
        assertThat(new java.util.ArrayList<>(ok.values()).subList(19, 34)).containsOnlyNulls();
        assertThat(sink.eventTimes()).containsExactly(Instant.ofEpochSecond(1709658240), Instant.ofEpochSecond(1709658240),
                Instant.ofEpochSecond(1709658240), Instant.ofEpochSecond(1709661900));
        assertThat(sink.column("log_status")).containsExactly("OK", "NODATA", "SKIPDATA", "OK");
        assertThat(sink.column("action")).containsExactly("ACCEPT", null, null, "REJECT");
        assertThat(sink.column("packets")).containsExactly(12L, null, null, 2L);
        assertThat(sink.column("owner")).containsExactly("111122223333", "111122223333", "unknown", "111122223333");
        // the CRLF line's key is the key of the same line with LF
        assertThat(sink.rows.get(1).asMap().get("event_id")).isEqualTo(sha(GROUP + "\n" + NODATA));
    }

    @Test
    void theSameLineHasTheSameKeyInAnyObjectAndWhateverItsLineEndOrTrailingBlanks() throws IOException {
        String a = (String) parse(OK + "\n").rows.get(0).asMap().get("event_id");
        String b = (String) parse(parser, gzip(NODATA + "\r\n" + OK + "  \r\n")).rows.get(1).asMap().get("event_id");
        String c = (String) parse("\uFEFF" + OK).rows.get(0).asMap().get("event_id");
        assertThat(a).isEqualTo(b).isEqualTo(c).hasSize(66).startsWith("l-");
        String otherGroup = (String) parse(new FlowLogLinesParser("/vpc/other", FlowLogFormat.DEFAULT_V2, 1024), utf8(OK))
                .rows.get(0).asMap().get("event_id");
        assertThat(otherGroup).isNotEqualTo(a).isEqualTo(sha("/vpc/other\n" + OK));
        assertThat(parser.eventId(OK + "\r")).isEqualTo(a);
    }

    @Test
    void aV5HeaderInTheUsersOrderPutsEveryValueInItsOwnColumnAndAnotherHeaderSwitchesBack() throws IOException {
        CollectingSink sink = parse(OK + "\n" + V5_HEADER + "\n" + V5_LINE + "\n"
                + "5 vpc-0123abcd 52.216.1.10 10.0.1.25 - 6 120 ACCEPT ingress - - 1709658300 OK eni-0a1b2c3d4e5f60718\n"
                + V2_HEADER + "\n" + REJECT + "\n");
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.rows).hasSize(4);
        Map<String, Object> v5 = sink.rows.get(1).asMap();
        assertThat(v5).containsEntry("version", 5).containsEntry("vpc_id", "vpc-0123abcd")
                .containsEntry("srcaddr", "10.0.1.25").containsEntry("dstaddr", "52.216.1.10")
                .containsEntry("dstport", 443).containsEntry("protocol", 6).containsEntry("bytes", 9120L)
                .containsEntry("action", "ACCEPT").containsEntry("flow_direction", "egress")
                .containsEntry("traffic_path", 8).containsEntry("pkt_dst_aws_service", "S3")
                .containsEntry("start", 1709658240L).containsEntry("log_status", "OK")
                .containsEntry("interface_id", "eni-0a1b2c3d4e5f60718")
                .containsEntry("srcport", null).containsEntry("packets", null).containsEntry("end", null)
                .containsEntry("account_id", null).containsEntry("owner", null)
                .containsEntry("event_ts", new Timestamp(1709658240_000L));
        assertThat(sink.rows.get(2).asMap()).containsEntry("flow_direction", "ingress").containsEntry("traffic_path", null)
                .containsEntry("dstport", null).containsEntry("bytes", 120L).containsEntry("start", 1709658300L);
        assertThat(sink.rows.get(3).asMap()).containsEntry("version", 2).containsEntry("dstport", 22)
                .containsEntry("action", "REJECT").containsEntry("flow_direction", null);
        assertThat(sink.offsets()).containsExactly(0L, 2L, 3L, 5L);
    }

    @Test
    void aHeaderAppliesToItsObjectOnly() throws IOException {
        FlowLogLinesParser v5Job = new FlowLogLinesParser(GROUP, FlowLogFormat.parse(V5_HEADER), 1024);
        assertThat(parse(v5Job, utf8(V5_LINE)).rows.get(0).asMap()).containsEntry("traffic_path", 8);
        CollectingSink first = parse(V2_HEADER + "\n" + OK);
        assertThat(first.rows).hasSize(1);
        CollectingSink second = parse(v5Job, utf8(V5_LINE + "\n" + OK));
        assertThat(second.rows).hasSize(1);
        assertThat(second.reasons()).containsExactly(ReasonCode.SCHEMA_MISMATCH);
        // a v2 line also has 14 fields: it fails on a type, it is never read into the v5 columns
        assertThat(second.quarantined.get(0).detail()).contains("dstport").contains("'10.0.2.40' is not an int")
                .contains("job format");
    }

    @Test
    void headerFieldsWithoutAColumnAreSkippedByPosition() throws IOException {
        CollectingSink sink = parse("version interface-id reject-reason srcaddr start action log-status ecs-cluster-name\n"
                + "8 eni-1 BPA 10.0.0.1 1709658240 REJECT OK my-cluster\n"
                + "8 eni-1 - 10.0.0.1 1709658240 REJECT\n");
        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rows.get(0).asMap()).containsEntry("version", 8).containsEntry("interface_id", "eni-1")
                .containsEntry("srcaddr", "10.0.0.1").containsEntry("start", 1709658240L)
                .containsEntry("action", "REJECT").containsEntry("log_status", "OK");
        assertThat(sink.reasons()).containsExactly(ReasonCode.SCHEMA_MISMATCH);
        assertThat(sink.quarantined.get(0).detail()).contains("expected 8 fields").contains("found 6");
        assertThat(sink.quarantined.get(0).offset()).isEqualTo(2);
    }

    @Test
    void aHeaderNamingAFieldTwiceQuarantinesTheLinesUntilTheNextHeader() throws IOException {
        CollectingSink sink = parse("version start start log-status\n2 1709658240 1709658300 OK\n" + V2_HEADER + "\n" + OK);
        assertThat(sink.reasons()).containsExactly(ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH);
        assertThat(sink.quarantined.get(0).detail()).contains("[start]").contains("header at line 1");
        assertThat(sink.quarantined.get(1).raw()).isEqualTo("2 1709658240 1709658300 OK");
        assertThat(sink.rows).hasSize(1);
    }

    @Test
    void badLinesAreQuarantinedNeverShifted() throws IOException {
        String thirteen = OK.substring(0, OK.lastIndexOf(' '));
        String fifteen = OK + " eni-extra";
        String badBytes = OK.replace(" 4810 ", " 4810B ");
        String noStart = OK.replace(" 1709658240 ", " - ");
        String millis = OK.replace(" 1709658240 ", " 1709658240000 ");
        String badStart = OK.replace(" 1709658240 ", " 2024-03-05T17:04:00Z ");
        String overflow = OK.replace(" 49152 ", " 4294967296 ");
        CollectingSink sink = parse(String.join("\n", thirteen, fifteen, badBytes, noStart, millis, badStart, overflow, OK));
        assertThat(sink.rows).hasSize(1);
        assertThat(sink.offsets()).containsExactly(7L);
        assertThat(sink.reasons()).containsExactly(ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH,
                ReasonCode.BAD_TIMESTAMP, ReasonCode.BAD_TIMESTAMP, ReasonCode.BAD_TIMESTAMP, ReasonCode.SCHEMA_MISMATCH);
        assertThat(sink.quarantined.stream().map(QuarantineRecord::offset).toList()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sink.quarantined.get(0).detail()).contains("expected 14 fields").contains("found 13").contains("line 1");
        assertThat(sink.quarantined.get(2).detail()).contains("bytes").contains("4810B");
        assertThat(sink.quarantined.get(2).raw()).isEqualTo(badBytes);
        assertThat(sink.quarantined.get(4).detail()).contains("milliseconds");
        assertThat(sink.quarantined.get(6).detail()).contains("srcport");
        assertThat(sink.quarantined).allMatch(q -> q.sourceObject().equals(object().uri()));
    }

    @Test
    void aJobFormatWithoutStartQuarantinesEveryLineAsBadTimestamp() throws IOException {
        FlowLogLinesParser noStart = new FlowLogLinesParser(GROUP,
                FlowLogFormat.parse("version vpc-id srcaddr dstaddr dstport protocol bytes action flow-direction traffic-path pkt-dst-aws-service"), 1024);
        CollectingSink sink = parse(noStart, utf8("5 vpc-0123abcd 10.0.1.25 52.216.1.10 443 6 9120 ACCEPT egress 8 S3\n"));
        assertThat(sink.rows).isEmpty();
        assertThat(sink.reasons()).containsExactly(ReasonCode.BAD_TIMESTAMP);
        assertThat(sink.quarantined.get(0).detail()).contains("has no start field");
    }

    @Test
    void anOverlongLineIsQuarantinedWithABoundedPrefixAndTheNextLineIsRead() throws IOException {
        String longLine = OK + " " + "x".repeat(5000);
        CollectingSink sink = parse(OK.replace("12 4810", "13 4811") + "\n" + longLine + "\r\n" + OK);
        assertThat(sink.rows).hasSize(2);
        assertThat(sink.reasons()).containsExactly(ReasonCode.OVERSIZED_RECORD);
        QuarantineRecord q = sink.quarantined.get(0);
        assertThat(q.offset()).isEqualTo(1);
        assertThat(q.raw()).hasSize(FlowLogLinesParser.RAW_CHARS).isEqualTo(longLine.substring(0, 1024));
        assertThat(q.detail()).contains(String.valueOf(longLine.length())).contains("maxRecordBytes 1024");
        // a line of exactly maxRecordBytes (plus CR) is kept
        String exact = OK + " ".repeat(1024 - OK.length());
        assertThat(parse(exact + "\r\n").rows).hasSize(1);
        assertThat(parse(exact + "x\r\n").reasons()).containsExactly(ReasonCode.OVERSIZED_RECORD);
    }

    @Test
    void gzipMultiMemberTruncatedAndCorruptObjects() throws IOException {
        byte[] twoMembers = concat(gzip(OK + "\n" + NODATA + "\n"), gzip(REJECT));
        assertThat(parse(parser, twoMembers).rows).hasSize(3);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append(OK.replace("1709658240 1709658300", (1709658240L + i) + " 1709658300")).append('\n');
        }
        byte[] whole = gzip(many.toString());
        CollectingSink cut = parse(parser, Arrays.copyOf(whole, whole.length / 2));
        assertThat(cut.rows.size()).isBetween(1, 1999);
        assertThat(cut.reasons()).containsExactly(ReasonCode.TRUNCATED_OBJECT);
        assertThat(cut.quarantined.get(0).offset()).isEqualTo(cut.rows.size());
        assertThat(cut.rows.get(cut.rows.size() - 1).asMap()).containsEntry("start", 1709658240L + cut.rows.size() - 1);

        byte[] badHeader = {0x1f, (byte) 0x8b, 0x63, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02};
        CollectingSink corrupt = parse(parser, badHeader);
        assertThat(corrupt.rows).isEmpty();
        assertThat(corrupt.reasons()).containsExactly(ReasonCode.CORRUPT_COMPRESSION);

        assertThat(parse(parser, new byte[0]).rows).isEmpty();
        assertThat(parse(parser, new byte[0]).quarantined).isEmpty();
        assertThat(parse(parser, gzip("")).quarantined).isEmpty();
    }

    @Test
    void sourceSpecDefaultsValidationAndParserLookup() {
        JsonConfigReader reader = new JsonConfigReader();
        SourceSpec spec = reader.read(new ByteArrayInputStream(utf8("{\"family\": \"flow_log_lines\", \"logGroup\": \"/vpc/flow-logs\"}")),
                "test.json", SourceSpec.class);
        assertThat(spec).isEqualTo(new FlowLogLinesSourceSpec("/vpc/flow-logs", V2_HEADER, 1 << 20));
        assertThat(ObjectParsers.forSource(spec)).isInstanceOf(io.tidemark.sources.FirehoseErrorOutputParser.class);
        assertThat(ObjectParsers.forSource(spec).datasets()).containsExactly("vpc_flow_logs");
        assertThatThrownBy(() -> new FlowLogLinesSourceSpec(null, null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("logGroup");
        assertThatThrownBy(() -> new FlowLogLinesSourceSpec(GROUP, "version start bogus", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bogus");
        assertThatThrownBy(() -> new FlowLogLinesSourceSpec(GROUP, null, 10))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxRecordBytes");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
