package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads real payloads (src/test/resources/samples, see SOURCES.md there) turned into landed objects: the base64-decoded
 * data fields concatenated in order, byte for byte what Firehose writes to S3 without a transform.
 */
class RealSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudWatchObjectReader reader =
            new CloudWatchObjectReader(Pattern.compile("/vpc/.*"), FlowLogFormat.DEFAULT_V2, 256 * 1024);
    private final RecordingSink sink = new RecordingSink();
    private Path samples;

    @BeforeEach
    void locateSamples() {
        samples = Samples.path("SOURCES.md").getParent();
    }

    /** The landed object: every data blob selected from the sample, base64-decoded and concatenated. */
    private byte[] landedObject(String file, Function<JsonNode, List<JsonNode>> dataFields) throws IOException {
        Path path = Samples.path(file);
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        for (JsonNode data : dataFields.apply(JSON.readTree(path.toFile()))) {
            object.writeBytes(Base64.getDecoder().decode(data.asText()));
        }
        return object.toByteArray();
    }

    private ObjectReadSummary read(String name, byte[] object) {
        return reader.read(name, new ByteArrayInputStream(object), sink);
    }

    @Test
    void samCliFirehoseRecordsWithAControlMessage() throws IOException {
        byte[] object = landedObject("kinesis-firehose-records/samcli_KinesisFirehoseCloudwatchLogsProcessor.json",
                root -> root.get("records").findValues("data"));
        assertThat(read("samcli", object)).isEqualTo(new ObjectReadSummary(4, 1, 9, 0, 0));
        assertThat(sink.appLogs).hasSize(9);
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.appLogs.get(0).context()).isEqualTo(new LogEventContext(
                "33679800144697422554415395414062324420037086717597843456", 1510254471089L, "263868185958",
                "copy-cwl-lambda-invoke-input-1510254365531-LogGroup-17Q1WBYO69X0L",
                "copy-cwl-lambda-invoke-input-1510254365531-LogStream1-18OE12E2F8CE7", "samcli", 0));
        assertThat(sink.appLogs.get(0).message()).isEqualTo("8499846a-88c1-4fb3-bfca-117ec023c5c3");
        assertThat(sink.appLogs.get(3).message()).isEqualTo("a24dd759-ce31-4ae0-8ef9-14c42a21f0d9");
        assertThat(sink.appLogs.get(6).message()).isEqualTo("e30b6f46-56ae-4703-949d-59f27f49c169");
        assertThat(sink.appOffsets()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void powertoolsZlibPayloadPrettyPrintedWithPolicyLevel() throws IOException {
        byte[] object = landedObject("cloudwatch-logs/powertools_cloudWatchLogEventWithPolicyLevel.json",
                root -> List.of(root.get("awslogs").get("data")));
        assertThat(object[0] & 0xff).isEqualTo(0x78);
        assertThat(read("powertools", object)).isEqualTo(new ObjectReadSummary(1, 0, 2, 0, 0));
        assertThat(sink.appMessages()).containsExactly("[ERROR] First test message", "[ERROR] Second test message");
        assertThat(sink.appLogs.get(1).context()).isEqualTo(new LogEventContext("eventId2", 1440442987001L,
                "123456789123", "testLogGroup", "testLogStream", "powertools", 1));
    }

    @Test
    void sumoLogicFixturesWithJsonLookingMessagesAreAllAppLogs() throws IOException {
        byte[] object = landedObject("cloudwatch-logs/sumologic_cwlfixtures.json",
                root -> root.findValues("data"));
        assertThat(read("sumologic", object)).isEqualTo(new ObjectReadSummary(50, 0, 4954, 0, 0));
        assertThat(sink.appLogs).hasSize(4954);
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.flowLogs).isEmpty();
        AppLogEvent first = sink.appLogs.get(0);
        assertThat(first.context().eventId()).isEqualTo("33754176350385136302403736846898048681401272420524884289");
        assertThat(first.context().logGroup()).isEqualTo("LambdaLogGroup");
        assertThat(first.message()).startsWith("{{ \"Source\": \"dlq\",");
        AppLogEvent last = sink.appLogs.get(4953);
        assertThat(last.context().eventId()).isEqualTo("33754177686957999031138104286136898904816132640011321557");
        assertThat(last.context().timestampMs()).isEqualTo(1513589675433L);
        assertThat(last.context().offset()).isEqualTo(4953L);
    }

    @Test
    void dynatraceRecordsKeepTheTabInTheMessage() throws IOException {
        byte[] object = landedObject("kinesis-firehose-records/dynatrace_kinesis_request.json",
                root -> root.get("records").findValues("data"));
        assertThat(read("dynatrace", object)).isEqualTo(new ObjectReadSummary(4, 0, 4, 0, 0));
        assertThat(sink.appMessages()).containsExactly("2021-02-04 12:42:47\tlog message",
                "2021-02-04 12:43:22\tlog message", "2021-02-04 12:43:26\tlog message", "2021-02-04 12:43:31\tlog message");
    }

    @Test
    void samCliRecordsInsideAnOuterGzipLikeFirehoseGzipCompression() throws IOException {
        byte[] inner = landedObject("kinesis-firehose-records/samcli_KinesisFirehoseCloudwatchLogsProcessor.json",
                root -> root.get("records").findValues("data"));
        assertThat(read("samcli.gz", io.tidemark.testing.Compress.gzip(inner))).isEqualTo(new ObjectReadSummary(4, 1, 9, 0, 0));
    }
}
