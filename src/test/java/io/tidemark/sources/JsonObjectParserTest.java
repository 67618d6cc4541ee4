package io.tidemark.sources;

import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.gzipMembers;
import static io.tidemark.testing.Compress.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.testing.CollectingSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectParserTest {
    private static final String URI = "s3://landing/clicks/2024/03/05/17/clicks-1-2024-03-05-17-04-59-abc.gz";

    /** What a record parser was given. */
    record Seen(String node, String raw, long offset) {
    }

    /** A record parser that only remembers its input. */
    static final class FakeRecordParser implements JsonRecordParser {
        final List<Seen> seen = new ArrayList<>();

        @Override
        public List<String> datasets() {
            return List.of("clicks");
        }

        @Override
        public void parse(JsonNode document, String rawText, long offset, LandedObject object, RecordSink sink) {
            seen.add(new Seen(document.toString(), rawText, offset));
        }
    }

    private final FakeRecordParser records = new FakeRecordParser();
    private final JsonObjectParser parser = new JsonObjectParser(records, 1000);
    private final CollectingSink sink = new CollectingSink();

    private void parse(String errorOutput, byte[] object) throws IOException {
        parser.parse(new LandedObject(URI, "clicks/x", null, errorOutput, LocalDate.of(2024, 3, 5)),
                new ByteArrayInputStream(object), sink);
    }

    private static String b64(String text) {
        return b64(utf8(text));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void datasetsAreTheRecordParsers() {
        assertThat(parser.datasets()).containsExactly("clicks");
    }

    @Test
    void recordsGoToTheRecordParserWithRawTextAndOffset() throws IOException {
        parse(null, gzipMembers("{\"user_id\": 7}\n{\"user_id\":8}", "[{\"user_id\":9}]"));
        assertThat(records.seen).containsExactly(new Seen("{\"user_id\":7}", "{\"user_id\": 7}", 0),
                new Seen("{\"user_id\":8}", "{\"user_id\":8}", 1), new Seen("{\"user_id\":9}", "{\"user_id\":9}", 2));
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void framingProblemsAreQuarantinedWithTheObjectUri() throws IOException {
        parse(null, utf8("{\"user_id\":7}\n42\n{\"user_id\":,}\n{\"user_id\":8}"));
        assertThat(records.seen).extracting(Seen::offset).containsExactly(0L, 3L);
        assertThat(sink.quarantined).extracting(QuarantineRecord::sourceObject, QuarantineRecord::offset, QuarantineRecord::reason)
                .containsExactly(tuple(URI, 1L, ReasonCode.SCHEMA_MISMATCH), tuple(URI, 2L, ReasonCode.MALFORMED_JSON));
    }

    @Test
    void processingFailedRecordsWithEachKeySpellingAreRecovered() throws IOException {
        String object = "{\"attemptsMade\":4,\"errorCode\":\"Lambda.FunctionError\",\"errorMessage\":\"boom\",\"rawData\":\""
                + b64("{\"user_id\": 7}\n") + "\"}\n"
                + "{\"ErrorCode\":\"X\",\"ErrorMessage\":\"y\",\"rawData\":\"" + b64(gzip("{\"user_id\":8}{\"user_id\":9}")) + "\"}\n"
                + "{\"lastErrorCode\":\"DataFormatConversion.MalformedData\",\"lastErrorMessage\":\"bad\",\"RAWDATA\":\""
                + b64("{\"user_id\":10}") + "\"}";
        parse("processing-failed", gzip(object));
        assertThat(records.seen).containsExactly(new Seen("{\"user_id\":7}", "{\"user_id\": 7}", 0),
                new Seen("{\"user_id\":8}", "{\"user_id\":8}", 1), new Seen("{\"user_id\":9}", "{\"user_id\":9}", 2),
                new Seen("{\"user_id\":10}", "{\"user_id\":10}", 3));
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void unrecoverableRecordsKeepFirehosesErrorInTheDetail() throws IOException {
        String object = "{\"errorCode\":\"Lambda.FunctionError\",\"errorMessage\":\"boom\",\"rawData\":\"" + b64("not json\n") + "\"}\n"
                + "{\"ErrorCode\":\"E2\",\"ErrorMessage\":\"m2\",\"rawData\":\"%%% not base64\"}\n"
                + "{\"lastErrorCode\":\"E3\",\"lastErrorMessage\":\"m3\"}\n"
                + "{\"errorCode\":\"E4\",\"rawData\":\"" + b64("{\"user_id\":1}{\"user_id\":") + "\"}\n"
                + "{\"errorcode\":\"E5\",\"errormessage\":\"m5\",\"rawData\":\"\"}\n";
        parse("processing-failed", utf8(object));
        assertThat(records.seen).containsExactly(new Seen("{\"user_id\":1}", "{\"user_id\":1}", 3));
        assertThat(sink.quarantined).extracting(QuarantineRecord::offset, QuarantineRecord::reason).containsExactly(
                tuple(0L, ReasonCode.FIREHOSE_PROCESSING_FAILED), tuple(1L, ReasonCode.FIREHOSE_PROCESSING_FAILED),
                tuple(2L, ReasonCode.FIREHOSE_PROCESSING_FAILED), tuple(4L, ReasonCode.FIREHOSE_PROCESSING_FAILED),
                tuple(5L, ReasonCode.FIREHOSE_PROCESSING_FAILED));
        assertThat(sink.quarantined.get(0).detail()).startsWith("Cannot recover Firehose processing-failed record: rawData cannot be read")
                .endsWith("; Firehose error Lambda.FunctionError: boom");
        assertThat(sink.quarantined.get(0).raw()).isEqualTo("not json\n");
        assertThat(sink.quarantined.get(1).detail()).isEqualTo(
                "Cannot recover Firehose processing-failed record: rawData is not base64; Firehose error E2: m2");
        assertThat(sink.quarantined.get(2).detail()).isEqualTo(
                "Cannot recover Firehose processing-failed record: rawData is missing or not a string; Firehose error E3: m3");
        assertThat(sink.quarantined.get(2).raw()).isEqualTo("{\"lastErrorCode\":\"E3\",\"lastErrorMessage\":\"m3\"}");
        assertThat(sink.quarantined.get(3).detail()).contains("TRUNCATED").doesNotContain("(no code)")
                .endsWith("Firehose error E4: (no message)");
        assertThat(sink.quarantined.get(4).detail()).isEqualTo(
                "Cannot recover Firehose processing-failed record: rawData holds no record; Firehose error E5: m5");
    }

    @Test
    void formatConversionFailedHasItsOwnReason() throws IOException {
        parse("format-conversion-failed", utf8("{\"attemptsMade\":1,\"lastErrorCode\":\"DataFormatConversion.MalformedData\","
                + "\"lastErrorMessage\":\"The input is not valid JSON.\",\"rawData\":\"bm90IGpzb24K\",\"subSequenceNumber\":0}\n"));
        assertThat(records.seen).isEmpty();
        assertThat(sink.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.FIREHOSE_FORMAT_CONVERSION_FAILED);
            assertThat(q.detail()).endsWith("; Firehose error DataFormatConversion.MalformedData: The input is not valid JSON.");
        });
    }
}
