package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import static io.tidemark.sources.cloudwatch.Envelopes.FLOW_GROUP;
import static io.tidemark.sources.cloudwatch.Envelopes.control;
import static io.tidemark.sources.cloudwatch.Envelopes.data;
import static io.tidemark.sources.cloudwatch.FlowLogRows.row;
import static io.tidemark.sources.cloudwatch.FlowLogRows.v2;
import static io.tidemark.testing.Compress.concat;
import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.gzipMembers;
import static io.tidemark.testing.Compress.utf8;
import static io.tidemark.testing.Compress.zip;
import static io.tidemark.testing.Compress.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CloudWatchObjectReaderTest {
    private static final String OBJECT = "s3://landing/cwl/2024/03/05/17/stream-1-2024-03-05-17-05-00-abc.gz";
    private static final String APP_GROUP = "/app/api";
    private static final String V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private final CloudWatchObjectReader reader =
            new CloudWatchObjectReader(Pattern.compile("/vpc/.*"), FlowLogFormat.DEFAULT_V2, 10_000);
    private final RecordingSink sink = new RecordingSink();

    private ObjectReadSummary read(byte[] object) {
        return reader.read(OBJECT, new ByteArrayInputStream(object), sink);
    }

    private ObjectReadSummary read(String object) {
        return read(utf8(object));
    }

    @Test
    void concatenatedGzipMembersWithoutDelimiter() {
        ObjectReadSummary summary = read(gzipMembers(
                data(APP_GROUP, "a", "GET /healthz 200", "{\"level\":\"INFO\"}"),
                data(APP_GROUP, "b", "third"),
                data(APP_GROUP, "c", "fourth", "fifth")));
        assertThat(summary).isEqualTo(new ObjectReadSummary(3, 0, 5, 0, 0));
        assertThat(sink.appMessages()).containsExactly("GET /healthz 200", "{\"level\":\"INFO\"}", "third", "fourth", "fifth");
        assertThat(sink.appOffsets()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(sink.appLogs.get(3).context()).isEqualTo(new LogEventContext("c-0", 1709658300000L,
                "111122223333", APP_GROUP, "stream-c", OBJECT, 3));
        assertThat(sink.flowLogs).isEmpty();
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void newlineDelimitedEnvelopesWithCrlfBlankLinesAndNoFinalNewline() {
        String object = data(APP_GROUP, "a", "one") + "\r\n\r\n" + data(APP_GROUP, "b", "two") + "\n\n  \n"
                + data(APP_GROUP, "c", "three");
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(3, 0, 3, 0, 0));
        assertThat(sink.appMessages()).containsExactly("one", "two", "three");
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void plainJsonConcatenatedWithoutSeparator() {
        assertThat(read(data(APP_GROUP, "a", "one") + data(APP_GROUP, "b", "two") + "\n"))
                .isEqualTo(new ObjectReadSummary(2, 0, 2, 0, 0));
        assertThat(sink.appMessages()).containsExactly("one", "two");
    }

    @Test
    void outerGzipAroundConcatenatedGzipMembers() {
        byte[] inner = gzipMembers(data(APP_GROUP, "a", "one"), control(), data(APP_GROUP, "b", "two", "three"));
        assertThat(read(gzip(inner))).isEqualTo(new ObjectReadSummary(3, 1, 3, 0, 0));
        assertThat(sink.appMessages()).containsExactly("one", "two", "three");
    }

    @Test
    void zlibPayload() {
        assertThat(read(zlib(utf8(data(APP_GROUP, "z", "zlib one", "zlib two"))))).isEqualTo(new ObjectReadSummary(1, 0, 2, 0, 0));
        assertThat(sink.appMessages()).containsExactly("zlib one", "zlib two");
    }

    @Test
    void zipWithSeveralEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("part-1.json", data(APP_GROUP, "a", "one") + "\n");
        entries.put("part-2.json", data(APP_GROUP, "b", "two"));
        assertThat(read(zip(entries))).isEqualTo(new ObjectReadSummary(2, 0, 2, 0, 0));
        assertThat(sink.appMessages()).containsExactly("one", "two");
    }

    @Test
    void controlMessagesAreCountedNotEmitted() {
        assertThat(read(gzipMembers(control(), data(APP_GROUP, "a", "one"), control())))
                .isEqualTo(new ObjectReadSummary(3, 2, 1, 0, 0));
        assertThat(sink.appMessages()).containsExactly("one");
        assertThat(sink.appOffsets()).containsExactly(0L);
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void unknownAndMissingMessageTypeAreQuarantinedWithTheEnvelope() {
        ObjectNode unknown = Envelopes.header("HEARTBEAT_MESSAGE", "111122223333", APP_GROUP, "s");
        ObjectNode missing = Envelopes.header(null, "111122223333", APP_GROUP, "s");
        missing.putArray("logEvents").addObject().put("id", "x").put("timestamp", 1L).put("message", "m");
        assertThat(read(gzipMembers(data(APP_GROUP, "a", "one"), unknown.toString(), missing.toString(),
                data(APP_GROUP, "b", "two")))).isEqualTo(new ObjectReadSummary(4, 0, 2, 0, 2));
        assertThat(sink.appMessages()).containsExactly("one", "two");
        assertThat(sink.appOffsets()).containsExactly(0L, 1L);
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason, QuarantineRecord::offset, QuarantineRecord::detail)
                .containsExactly(
                        tuple(ReasonCode.UNKNOWN_RECORD_TYPE, 1L, "Cannot route envelope: unknown messageType 'HEARTBEAT_MESSAGE'"),
                        tuple(ReasonCode.UNKNOWN_RECORD_TYPE, 1L, "Cannot route envelope: messageType is missing or not a string"));
        assertThat(sink.quarantined.get(0).raw()).isEqualTo(unknown.toString());
        assertThat(sink.quarantined.get(1).sourceObject()).isEqualTo(OBJECT);
    }

    @Test
    void missingOrEmptyIdIsMissingKey() {
        String object = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"/app/api\",\"logStream\":\"s\","
                + "\"logEvents\":[{\"timestamp\":1,\"message\":\"no id\"},{\"id\":\"\",\"timestamp\":2,\"message\":\"empty id\"},"
                + "{\"id\":\"ok\",\"timestamp\":3,\"message\":\"fine\"}]}";
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(1, 0, 3, 0, 2));
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason, QuarantineRecord::offset, QuarantineRecord::raw)
                .containsExactly(tuple(ReasonCode.MISSING_KEY, 0L, "no id"), tuple(ReasonCode.MISSING_KEY, 1L, "empty id"));
        assertThat(sink.quarantined.get(0).detail()).isEqualTo("Cannot key log event: id is missing (logGroup /app/api)");
        assertThat(sink.appMessages()).containsExactly("fine");
        assertThat(sink.appOffsets()).containsExactly(2L);
    }

    @Test
    void missingOrNonNumericTimestampIsBadTimestamp() {
        String object = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/app/api\",\"logEvents\":["
                + "{\"id\":\"1\",\"message\":\"no ts\"},{\"id\":\"2\",\"timestamp\":\"yesterday\",\"message\":\"text ts\"},"
                + "{\"id\":\"3\",\"timestamp\":1.5,\"message\":\"float ts\"},{\"id\":\"4\",\"timestamp\":null,\"message\":\"null ts\"},"
                + "{\"id\":\"5\",\"timestamp\":1709658300000,\"message\":\"ok\"}]}";
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(1, 0, 5, 0, 4));
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason).containsOnly(ReasonCode.BAD_TIMESTAMP);
        assertThat(sink.quarantined).extracting(QuarantineRecord::detail).containsExactly(
                "Cannot read log event 1 timestamp: it is missing",
                "Cannot read log event 2 timestamp: '\"yesterday\"' is not epoch milliseconds",
                "Cannot read log event 3 timestamp: '1.5' is not epoch milliseconds",
                "Cannot read log event 4 timestamp: it is missing");
        assertThat(sink.appLogs).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("ok");
            assertThat(e.context().timestampMs()).isEqualTo(1709658300000L);
            assertThat(e.context().offset()).isEqualTo(4L);
            assertThat(e.context().owner()).isNull();
        });
    }

    @Test
    void flowLogLinesNullsNodataSkipdataIpv6HeaderAndWrongFieldCount() {
        byte[] object = gzipMembers(data(FLOW_GROUP, "f",
                V2_HEADER,
                "2 111122223333 eni-01 10.0.1.25 10.0.2.40 49152 443 6 12 4810 1709658240 1709658300 ACCEPT OK",
                "2 111122223333 eni-01 - - - - - - - 1709658240 1709658300 - NODATA",
                "2 unknown eni-02 - - - - - - - 1709658240 1709658300 - SKIPDATA",
                "2 111122223333 eni-03 2001:db8::1 2001:db8::2 443 55000 6 3 180 1709658240 1709658300 REJECT OK",
                "2 111122223333 eni-04 10.0.1.25 49152 443 6 12 4810 1709658240 1709658300 ACCEPT OK"));
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(1, 0, 6, 1, 1));
        assertThat(sink.flowLogs).extracting(e -> Arrays.asList(e.fields())).containsExactly(
                row(v2(2, "111122223333", "eni-01", "10.0.1.25", "10.0.2.40", 49152, 443, 6, 12L, 4810L, 1709658240L,
                        1709658300L, "ACCEPT", "OK")),
                row(v2(2, "111122223333", "eni-01", null, null, null, null, null, null, null, 1709658240L, 1709658300L,
                        null, "NODATA")),
                row(v2(2, "unknown", "eni-02", null, null, null, null, null, null, null, 1709658240L, 1709658300L,
                        null, "SKIPDATA")),
                row(v2(2, "111122223333", "eni-03", "2001:db8::1", "2001:db8::2", 443, 55000, 6, 3L, 180L, 1709658240L,
                        1709658300L, "REJECT", "OK")));
        assertThat(sink.flowLogs).extracting(e -> e.context().offset()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(sink.flowLogs.get(0).context()).isEqualTo(new LogEventContext("f-1", 1709658300001L,
                "111122223333", FLOW_GROUP, "stream-f", OBJECT, 1));
        QuarantineRecord bad = sink.quarantined.get(0);
        assertThat(bad.reason()).isEqualTo(ReasonCode.SCHEMA_MISMATCH);
        assertThat(bad.offset()).isEqualTo(5L);
        assertThat(bad.raw()).isEqualTo("2 111122223333 eni-04 10.0.1.25 49152 443 6 12 4810 1709658240 1709658300 ACCEPT OK");
        assertThat(bad.detail()).contains("expected 14 fields").contains("found 13").endsWith("(log event f-5)");
        assertThat(sink.appLogs).isEmpty();
    }

    @Test
    void customV5FieldOrderThroughTheReader() {
        CloudWatchObjectReader v5 = new CloudWatchObjectReader(Pattern.compile("/vpc/.*"), FlowLogFormat.parse(
                "version vpc-id srcaddr dstaddr dstport protocol bytes start action flow-direction traffic-path pkt-dst-aws-service"),
                10_000);
        ObjectReadSummary summary = v5.read(OBJECT, new ByteArrayInputStream(gzipMembers(data(FLOW_GROUP, "v",
                "5 vpc-0123abcd 10.0.1.25 52.216.1.10 443 6 9120 1709658240 ACCEPT egress 8 S3"))), sink);
        assertThat(summary).isEqualTo(new ObjectReadSummary(1, 0, 1, 0, 0));
        assertThat(Arrays.asList(sink.flowLogs.get(0).fields())).isEqualTo(row(Map.ofEntries(
                Map.entry("version", 5), Map.entry("vpc_id", "vpc-0123abcd"), Map.entry("srcaddr", "10.0.1.25"),
                Map.entry("dstaddr", "52.216.1.10"), Map.entry("dstport", 443), Map.entry("protocol", 6),
                Map.entry("bytes", 9120L), Map.entry("start", 1709658240L), Map.entry("action", "ACCEPT"),
                Map.entry("flow_direction", "egress"), Map.entry("traffic_path", 8), Map.entry("pkt_dst_aws_service", "S3"))));
    }

    @Test
    void appMessagesAreKeptUnchangedEvenWhenTheyLookLikeBrokenJson() {
        String message = "{{\"Source\": \"dlq\", \"x\": [1,\n\t2 }\r\nline two\ttabbed\u00e9\uD83D\uDE00";
        assertThat(read(gzipMembers(data(APP_GROUP, "m", message, "")))).isEqualTo(new ObjectReadSummary(1, 0, 2, 0, 0));
        assertThat(sink.appMessages()).containsExactly(message, "");
    }

    @Test
    void truncatedObjectKeepsCompleteMembersAndQuarantinesTheRestOnce() {
        byte[] first = gzip(data(APP_GROUP, "a", "a0", "a1"));
        byte[] second = gzip(data(APP_GROUP, "b", "b0"));
        byte[] third = gzip(data(APP_GROUP, "c", "c0 " + "x".repeat(500), "c1"));
        byte[] cut = concat(first, second, Arrays.copyOf(third, third.length / 2));
        assertThat(read(cut)).isEqualTo(new ObjectReadSummary(2, 0, 3, 0, 1));
        assertThat(sink.appMessages()).containsExactly("a0", "a1", "b0");
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(3L);
            assertThat(q.detail()).startsWith("Cannot decompress object: it ends early after");
        });
    }

    @Test
    void trailingGarbageAfterGzipMembersIsReportedNotIgnored() {
        byte[] object = concat(gzipMembers(data(APP_GROUP, "a", "a0"), data(APP_GROUP, "b", "b0")), utf8("\u0000\u0000junk"));
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(2, 0, 2, 0, 1));
        assertThat(sink.appMessages()).containsExactly("a0", "b0");
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(2L);
            assertThat(q.detail()).startsWith("Cannot decompress object: gzip member 3 does not start with 1f 8b");
        });
    }

    @Test
    void objectCutInsideAMemberHeaderIsTruncated() {
        byte[] object = concat(gzipMembers(data(APP_GROUP, "a", "a0")), Arrays.copyOf(gzip(data(APP_GROUP, "b", "b0")), 4));
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(1, 0, 1, 0, 1));
        assertThat(sink.appMessages()).containsExactly("a0");
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason, QuarantineRecord::offset)
                .containsExactly(tuple(ReasonCode.TRUNCATED_OBJECT, 1L));
    }

    @Test
    void truncatedUncompressedJsonIsTruncatedObject() {
        String whole = data(APP_GROUP, "a", "one") + "\n" + data(APP_GROUP, "b", "two");
        assertThat(read(whole.substring(0, whole.length() - 20))).isEqualTo(new ObjectReadSummary(1, 0, 1, 0, 1));
        assertThat(sink.appMessages()).containsExactly("one");
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason, QuarantineRecord::offset)
                .containsExactly(tuple(ReasonCode.TRUNCATED_OBJECT, 1L));
    }

    @Test
    void garbageBytesAreOneCorruptCompressionRecord() {
        byte[] garbage = {0x03, (byte) 0xfe, 0x41, 0x42, 0x00, 0x7f, (byte) 0x80, 0x10, 0x20};
        assertThat(read(garbage)).isEqualTo(new ObjectReadSummary(0, 0, 0, 0, 1));
        assertThat(sink.appLogs).isEmpty();
        assertThat(sink.flowLogs).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.CORRUPT_COMPRESSION);
            assertThat(q.offset()).isZero();
            assertThat(q.detail()).isEqualTo("Cannot read object: it is neither gzip, zlib, zip nor JSON (first content byte 0x03)");
            assertThat(q.raw()).isEqualTo("..AB....\u0020");
        });
    }

    @Test
    void gzipMagicWithGarbageIsCorruptCompression() {
        byte[] bad = {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0x12, 0x34, 0x56};
        assertThat(read(bad)).isEqualTo(new ObjectReadSummary(0, 0, 0, 0, 1));
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.CORRUPT_COMPRESSION);
    }

    @Test
    void emptyObjectYieldsNothing() {
        assertThat(read(new byte[0])).isEqualTo(new ObjectReadSummary(0, 0, 0, 0, 0));
        assertThat(read(gzip(new byte[0]))).isEqualTo(new ObjectReadSummary(0, 0, 0, 0, 0));
        assertThat(read("\n\r\n ")).isEqualTo(new ObjectReadSummary(0, 0, 0, 0, 0));
        assertThat(sink.appLogs).isEmpty();
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void oversizedMessageKeepsOnlyAPrefix() {
        String big = "y".repeat(10_001);
        String exact = "z".repeat(9_998) + "\u00e9";
        String overByUtf8 = "w".repeat(9_999) + "\u00e9";
        assertThat(read(gzipMembers(data(APP_GROUP, "o", "small", big, exact, overByUtf8))))
                .isEqualTo(new ObjectReadSummary(1, 0, 4, 0, 2));
        assertThat(sink.appMessages()).containsExactly("small", exact);
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason, QuarantineRecord::offset)
                .containsExactly(tuple(ReasonCode.OVERSIZED_RECORD, 1L), tuple(ReasonCode.OVERSIZED_RECORD, 3L));
        assertThat(sink.quarantined.get(0).raw()).isEqualTo("y".repeat(1024));
        assertThat(sink.quarantined.get(0).detail()).startsWith("Cannot keep log event o-1: message is 10001 bytes, more than the limit of 10000");
        assertThat(sink.quarantined.get(1).detail()).contains("message is 10001 bytes");
    }

    @Test
    void malformedLineInNewlineDelimitedObjectIsSkippedToTheNextLine() {
        String object = data(APP_GROUP, "a", "one") + "\n"
                + "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/app/api\",\"logEvents\":[{\"id\":\"b-0\",,]}\n"
                + data(APP_GROUP, "c", "three", "four") + "\n";
        assertThat(read(gzip(object))).isEqualTo(new ObjectReadSummary(2, 0, 3, 0, 1));
        assertThat(sink.appMessages()).containsExactly("one", "three", "four");
        assertThat(sink.appOffsets()).containsExactly(0L, 1L, 2L);
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.detail()).startsWith("Cannot parse envelope: Unexpected character (',' (code 44))")
                    .endsWith("; skipped 81 bytes to the next line starting with '{'");
            assertThat(q.raw()).isEqualTo("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/app/api\",\"logEvents\":[{\"id\":\"b-0\",,]}\n");
        });
    }

    @Test
    void malformedJsonWithoutLineStructureQuarantinesTheRest() {
        String object = data(APP_GROUP, "a", "one") + "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[}"
                + data(APP_GROUP, "c", "lost");
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(1, 0, 1, 0, 1));
        assertThat(sink.appMessages()).containsExactly("one");
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.detail()).contains("no later line starts with '{'");
            assertThat(q.raw()).endsWith("\"message\":\"lost\"}]}");
        });
    }

    @Test
    void topLevelNonObjectAfterFirstEnvelopeIsMalformed() {
        String object = data(APP_GROUP, "a", "one") + "\n[1,2]\n" + data(APP_GROUP, "b", "two");
        assertThat(read(object)).isEqualTo(new ObjectReadSummary(2, 0, 2, 0, 1));
        assertThat(sink.appMessages()).containsExactly("one", "two");
        assertThat(sink.quarantined).extracting(QuarantineRecord::reason).containsExactly(ReasonCode.MALFORMED_JSON);
        assertThat(sink.quarantined.get(0).detail()).startsWith("Cannot parse envelope: expected '{' starting an envelope, found START_ARRAY");
    }

    @Test
    void theCallerKeepsOwnershipOfTheRawStream() {
        boolean[] closed = {false};
        java.io.InputStream raw = new java.io.FilterInputStream(new ByteArrayInputStream(gzipMembers(data(APP_GROUP, "a", "one")))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(reader.read(OBJECT, raw, sink)).isEqualTo(new ObjectReadSummary(1, 0, 1, 0, 0));
        assertThat(closed[0]).isFalse();
    }

    @Test
    void readerSurvivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(reader);
        }
        CloudWatchObjectReader copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CloudWatchObjectReader) in.readObject();
        }
        ObjectReadSummary summary = copy.read(OBJECT, new ByteArrayInputStream(gzipMembers(
                data(FLOW_GROUP, "f", "2 1 eni-1 - - - - - - - 1709658240 1709658300 - NODATA"),
                data(APP_GROUP, "a", "app"))), sink);
        assertThat(summary).isEqualTo(new ObjectReadSummary(2, 0, 2, 0, 0));
        assertThat(sink.flowLogs).hasSize(1);
        assertThat(sink.appMessages()).isEqualTo(List.of("app"));
    }
}
