package io.tidemark.sources.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import io.tidemark.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real SES payloads (src/test/resources/samples/ses-events, see SOURCES.md there): LocalStack's snapshot of SES event publishing to SNS,
 * recorded against real AWS (the SNS {@code Message} objects are what SES would write to Firehose, but its values
 * are redacted, timestamps included), and a powertools SES receiving event (a different shape entirely).
 */
class SesRealSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LandedObject OBJECT = new LandedObject("file:/landing/ses/2023/08/25/23/ses-1-2023-08-25-23-55-00-x",
            "ses/2023/08/25/23/ses-1-2023-08-25-23-55-00-x", Instant.parse("2023-08-25T23:55:00Z"), null, LocalDate.of(2023, 8, 25));

    private Path samples;
    private final SesEventParser parser = new SesEventParser();

    @BeforeEach
    void findSamples() {
        samples = Samples.path("ses-events");
    }

    /** Every SNS {@code Message} of every snapshot, in file order (objects for events, text for SNS notices). */
    private List<JsonNode> snsMessages() throws IOException {
        JsonNode snapshot = JSON.readTree(samples.resolve("localstack_test_ses.snapshot.json").toFile());
        List<JsonNode> messages = new ArrayList<>();
        snapshot.forEach(test -> test.path("recorded-content").path("messages").forEach(m -> messages.add(m.get("Message"))));
        return messages;
    }

    @Test
    void localStackEventsAsRecordedHaveRedactedTimestampsAndAreQuarantined() throws IOException {
        List<JsonNode> messages = snsMessages();
        List<JsonNode> events = messages.stream().filter(JsonNode::isObject).toList();
        assertThat(events).hasSize(6);
        CollectingSink sink = CollectingSink.of("ses_events");
        for (int i = 0; i < messages.size(); i++) {
            parser.parse(messages.get(i), messages.get(i).toString(), i, OBJECT, sink);
        }
        assertThat(sink.rows).isEmpty();
        // 6 events: mail.timestamp "timestamp" (Send) and delivery.timestamp "date" (Delivery) are not times;
        // 4 "Successfully validated SNS topic" notices are JSON strings, not SES events
        assertThat(sink.reasonCounts()).containsExactly(
                Map.entry(ReasonCode.SCHEMA_MISMATCH, 4L), Map.entry(ReasonCode.BAD_TIMESTAMP, 6L));
        assertThat(sink.quarantined.stream().filter(q -> q.reason() == ReasonCode.BAD_TIMESTAMP).map(q -> q.detail()).toList())
                .anySatisfy(d -> assertThat(d).contains("mail.timestamp is \"timestamp\""))
                .anySatisfy(d -> assertThat(d).contains("delivery.timestamp is \"date\""));
    }

    @Test
    void localStackEventsWithRealTimestampsBecomeSendAndDeliveryRows() throws IOException {
        List<JsonNode> events = snsMessages().stream().filter(JsonNode::isObject).map(n -> (JsonNode) n.deepCopy()).toList();
        CollectingSink sink = CollectingSink.of("ses_events");
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = (ObjectNode) events.get(i);
            ((ObjectNode) event.get("mail")).put("timestamp", "2023-08-25T23:53:3" + i + ".000Z");
            if (event.has("delivery")) {
                ((ObjectNode) event.get("delivery")).put("timestamp", "2023-08-25T23:53:4" + i + ".000Z");
            }
            parser.parse(event, event.toString(), i, OBJECT, sink);
        }
        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("event_type")).containsExactly("Send", "Delivery", "Send", "Delivery", "Send", "Delivery");
        assertThat(sink.column("event_ts")).containsExactly(
                Timestamp.from(Instant.parse("2023-08-25T23:53:30Z")), Timestamp.from(Instant.parse("2023-08-25T23:53:41Z")),
                Timestamp.from(Instant.parse("2023-08-25T23:53:32Z")), Timestamp.from(Instant.parse("2023-08-25T23:53:43Z")),
                Timestamp.from(Instant.parse("2023-08-25T23:53:34Z")), Timestamp.from(Instant.parse("2023-08-25T23:53:45Z")));
        assertThat(sink.column("message_id")).containsOnly("<message-id:1>");
        assertThat(sink.column("recipient_hash")).containsOnly(RecipientAddress.of("<recipient-email-address>").orElseThrow().hash());
        assertThat(sink.column("configuration_set")).containsOnly("<config-set-name>");
        assertThat(sink.column("sending_account_id")).containsOnly("111111111111");
        // processingTimeMillis is redacted to the text "processing-time": not a number, stored as null
        assertThat(sink.column("processing_time_ms")).containsOnlyNulls();
        assertThat(sink.rows.get(1).get("reporting_mta")).isEqualTo("a8-77.smtp-out.amazonses.com");
    }

    @Test
    void aReceivingEventIsTheWrongShapeAndIsQuarantinedNotACrash() throws IOException {
        String raw = Files.readString(samples.resolve("powertools_sesEvent_receiving.json"));
        JsonNode receiving = JSON.readTree(raw);
        CollectingSink sink = CollectingSink.of("ses_events");
        parser.parse(receiving, raw, 0, OBJECT, sink);
        // and the inner ses object alone, which does have a mail object but no eventType
        JsonNode inner = receiving.path("Records").get(0).path("ses");
        parser.parse(inner, inner.toString(), 1, OBJECT, sink);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.reasonCounts()).containsExactly(Map.entry(ReasonCode.SCHEMA_MISMATCH, 2L));
        assertThat(sink.quarantined.get(0).detail()).contains("neither eventType nor notificationType", "[Records]");
        assertThat(sink.quarantined.get(1).detail()).contains("[mail, receipt]");
        assertThat(sink.quarantined).allSatisfy(q -> assertThat(q.detail()).doesNotContain("@example.com"));
        assertThat(sink.quarantined.get(0).raw()).isEqualTo(raw);
    }
}
