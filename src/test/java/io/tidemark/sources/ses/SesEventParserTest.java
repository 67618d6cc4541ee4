package io.tidemark.sources.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchema;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.testing.CollectingSink;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SesEventParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LandedObject OBJECT = new LandedObject("file:/landing/ses/2024/03/05/17/ses-1-2024-03-05-17-05-00-x",
            "ses/2024/03/05/17/ses-1-2024-03-05-17-05-00-x", Instant.parse("2024-03-05T17:05:00Z"), null, LocalDate.of(2024, 3, 5));
    private static final String MESSAGE_ID = "0100018e0a1b2c3d-aaaa-bbbb-cccc-000000000000-000000";
    private static final String READER = "reader@example.net";
    private static final String READER_HASH = "8c4da7883f2245eae98061f614d9a286b5e2e77ed21048f8bb2ae8c539647ebe";

    private static String mail(String destination) {
        return """
                {"timestamp":"2024-03-05T17:00:01.120Z","source":"News <news@example.com>",\
                "sourceArn":"arn:aws:ses:us-east-1:111122223333:identity/example.com","sendingAccountId":"111122223333",\
                "messageId":"%s","destination":%s,"headersTruncated":false,\
                "headers":[{"name":"To","value":"reader@example.net"},{"name":"Subject","value":"Daily digest"}],\
                "commonHeaders":{"from":["news@example.com"],"to":["reader@example.net"],"messageId":"%s","subject":"Daily digest"},\
                "tags":{"ses:configuration-set":["digest"],"ses:source-ip":["192.0.2.10"],"campaign":["2024-03-05"]}}"""
                .formatted(MESSAGE_ID, destination, MESSAGE_ID);
    }

    private static String event(String eventType, String objectKey, String object) {
        return "{\"eventType\":\"" + eventType + "\",\"mail\":" + mail("[\"reader@example.net\"]")
                + (objectKey == null ? "" : ",\"" + objectKey + "\":" + object) + "}";
    }

    private static final String SEND = event("Send", "send", "{}");
    private static final String REJECT = event("Reject", "reject", "{\"reason\":\"Bad content\"}");
    private static final String BOUNCE = "{\"eventType\":\"Bounce\",\"mail\":"
            + mail("[\"reader@example.net\",\"Gone@Example.org\",\"other@example.org\"]")
            + ",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"NoEmail\",\"bouncedRecipients\":["
            + "{\"emailAddress\":\" Gone@Example.ORG \",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 <gone@example.org> no such user\"},"
            + "{\"emailAddress\":\"Other Person <other@example.org>\",\"action\":\"failed\",\"status\":\"5.2.2\"}],"
            + "\"timestamp\":\"2024-03-05T17:00:03.000Z\",\"feedbackId\":\"0100018e-ffff-000000\",\"reportingMTA\":\"dsn; a1-23.smtp-out.amazonses.com\"}}";
    private static final String COMPLAINT = event("Complaint", "complaint",
            "{\"complainedRecipients\":[{\"emailAddress\":\"reader@example.net\"}],\"timestamp\":\"2024-03-06T08:12:00.000Z\","
                    + "\"feedbackId\":\"0100018e-eeee-000000\",\"complaintSubType\":null,\"userAgent\":\"Yahoo!-Mail-Feedback/2.0\","
                    + "\"complaintFeedbackType\":\"abuse\",\"arrivalDate\":\"2024-03-06T08:11:58.000Z\"}");
    private static final String DELIVERY = event("Delivery", "delivery",
            "{\"timestamp\":\"2024-03-05T17:00:02.480Z\",\"processingTimeMillis\":1360,\"recipients\":[\"reader@example.net\"],"
                    + "\"smtpResponse\":\"250 2.0.0 OK <reader@example.net>\",\"reportingMTA\":\"a1-23.smtp-out.amazonses.com\"}");
    private static final String OPEN = event("Open", "open",
            "{\"ipAddress\":\"198.51.100.7\",\"timestamp\":\"2024-03-05T18:00:00.5Z\",\"userAgent\":\"Mozilla/5.0 (reader@example.net)\"}");
    private static final String CLICK = event("Click", "click",
            "{\"ipAddress\":\"198.51.100.7\",\"timestamp\":\"2024-03-05T18:12:44.001Z\",\"userAgent\":\"Mozilla/5.0\","
                    + "\"link\":\"https://example.com/a/12345?u=READER%40example.net&ref=x\",\"linkTags\":{\"article\":[\"12345\"]}}");
    private static final String RENDERING_FAILURE = event("Rendering Failure", "failure",
            "{\"templateName\":\"digest_v2\",\"errorMessage\":\"Attribute 'name' is not present in the rendering data for someone@example.net\"}");
    private static final String DELIVERY_DELAY = event("DeliveryDelay", "deliveryDelay",
            "{\"delayType\":\"TransientCommunicationFailure\",\"expirationTime\":\"2024-03-06T17:00:01.120Z\","
                    + "\"delayedRecipients\":[{\"emailAddress\":\"reader@example.net\",\"status\":\"4.4.1\",\"diagnosticCode\":\"smtp; 421 4.4.1 timeout\"}],"
                    + "\"reportingMTA\":\"a1-23.smtp-out.amazonses.com\",\"timestamp\":\"2024-03-05T17:30:00.000Z\"}");
    private static final String SUBSCRIPTION = event("Subscription", "subscription",
            "{\"contactList\":\"weekly\",\"timestamp\":\"2024-03-07T09:00:00.000Z\",\"source\":\"UnsubscribeHeader\","
                    + "\"newTopicPreferences\":{\"unsubscribeAll\":true,\"topicSubscriptionStatus\":[{\"topicName\":\"news\",\"subscriptionStatus\":\"OptOut\"}]},"
                    + "\"oldTopicPreferences\":{\"unsubscribeAll\":false}}");

    private final SesEventParser parser = new SesEventParser();

    private CollectingSink parse(String... lines) {
        CollectingSink sink = CollectingSink.of("ses_events");
        for (int i = 0; i < lines.length; i++) {
            parser.parse(readJson(lines[i]), lines[i], i, OBJECT, sink);
        }
        return sink;
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Timestamp ts(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }

    @Test
    void everyEventTypeBecomesRowsWithItsOwnEventTime() {
        CollectingSink sink = parse(SEND, REJECT, BOUNCE, COMPLAINT, DELIVERY, OPEN, CLICK, RENDERING_FAILURE, DELIVERY_DELAY, SUBSCRIPTION);

        assertThat(sink.quarantined).isEmpty();
        assertThat(sink.column("event_type")).containsExactly("Send", "Reject", "Bounce", "Bounce", "Complaint", "Delivery",
                "Open", "Click", "Rendering Failure", "DeliveryDelay", "Subscription");
        assertThat(sink.column("event_ts")).containsExactly(
                ts("2024-03-05T17:00:01.120Z"), ts("2024-03-05T17:00:01.120Z"),
                ts("2024-03-05T17:00:03Z"), ts("2024-03-05T17:00:03Z"), ts("2024-03-06T08:12:00Z"),
                ts("2024-03-05T17:00:02.480Z"), ts("2024-03-05T18:00:00.500Z"), ts("2024-03-05T18:12:44.001Z"),
                ts("2024-03-05T17:00:01.120Z"), ts("2024-03-05T17:30:00Z"), ts("2024-03-07T09:00:00Z"));
        assertThat(sink.rows).allSatisfy(r -> {
            assertThat(r.dataset()).isEqualTo("ses_events");
            assertThat(Timestamp.from(r.eventTime())).isEqualTo(r.get("event_ts"));
            assertThat(r.get("message_id")).isEqualTo(MESSAGE_ID);
            assertThat(r.get("mail_ts")).isEqualTo(ts("2024-03-05T17:00:01.120Z"));
            assertThat(r.get("source_arn")).isEqualTo("arn:aws:ses:us-east-1:111122223333:identity/example.com");
            assertThat(r.get("sending_account_id")).isEqualTo("111122223333");
            assertThat(r.get("configuration_set")).isEqualTo("digest");
        });
        assertThat(sink.rows.stream().map(CollectingSink.Row::offset).toList()).containsExactly(0L, 1L, 2L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void perTypeColumnsAreFilled() {
        CollectingSink sink = parse(SEND, REJECT, BOUNCE, COMPLAINT, DELIVERY, OPEN, CLICK, RENDERING_FAILURE, DELIVERY_DELAY, SUBSCRIPTION);
        Map<String, Object> reject = sink.rows.get(1).asMap();
        assertThat(reject.get("reject_reason")).isEqualTo("Bad content");
        Map<String, Object> bounce = sink.rows.get(2).asMap();
        assertThat(bounce).containsEntry("bounce_type", "Permanent").containsEntry("bounce_sub_type", "NoEmail")
                .containsEntry("recipient_status", "5.1.1").containsEntry("feedback_id", "0100018e-ffff-000000")
                .containsEntry("reporting_mta", "dsn; a1-23.smtp-out.amazonses.com");
        assertThat(sink.rows.get(3).get("recipient_status")).isEqualTo("5.2.2");
        Map<String, Object> complaint = sink.rows.get(4).asMap();
        assertThat(complaint).containsEntry("complaint_type", "abuse").containsEntry("complaint_sub_type", null)
                .containsEntry("user_agent", "Yahoo!-Mail-Feedback/2.0").containsEntry("feedback_id", "0100018e-eeee-000000");
        Map<String, Object> delivery = sink.rows.get(5).asMap();
        assertThat(delivery).containsEntry("processing_time_ms", 1360L).containsEntry("reporting_mta", "a1-23.smtp-out.amazonses.com");
        Map<String, Object> open = sink.rows.get(6).asMap();
        assertThat(open).containsEntry("ip_address", "198.51.100.7").containsEntry("user_agent", "Mozilla/5.0 ([redacted])");
        Map<String, Object> click = sink.rows.get(7).asMap();
        assertThat(click).containsEntry("ip_address", "198.51.100.7").containsEntry("user_agent", "Mozilla/5.0")
                .containsEntry("link", "https://example.com/a/12345?u=[redacted]&ref=x")
                .containsEntry("link_tags", "{\"article\":[\"12345\"]}");
        Map<String, Object> failure = sink.rows.get(8).asMap();
        assertThat(failure).containsEntry("template_name", "digest_v2")
                .containsEntry("error_message", "Attribute 'name' is not present in the rendering data for [redacted]");
        Map<String, Object> delay = sink.rows.get(9).asMap();
        assertThat(delay).containsEntry("delay_type", "TransientCommunicationFailure").containsEntry("recipient_status", "4.4.1");
        Map<String, Object> subscription = sink.rows.get(10).asMap();
        assertThat(subscription).containsEntry("contact_list", "weekly").containsEntry("unsubscribe_all", true);
        assertThat(sink.rows.get(0).asMap()).containsEntry("bounce_type", null).containsEntry("link", null)
                .containsEntry("processing_time_ms", null).containsEntry("unsubscribe_all", null);
    }

    @Test
    void recipientsComeFromThePerTypeListAndAreHashedNormalized() {
        CollectingSink sink = parse(BOUNCE, SEND);
        // bounce: only the two bounced recipients, not the three in mail.destination
        assertThat(sink.column("recipient_hash")).containsExactly(
                RecipientAddress.of("gone@example.org").orElseThrow().hash(),
                RecipientAddress.of("other@example.org").orElseThrow().hash(),
                READER_HASH);
        assertThat(RecipientAddress.of("  Reader@EXAMPLE.net ").orElseThrow().hash()).isEqualTo(READER_HASH);
        assertThat(RecipientAddress.of("Reader <READER@example.net>").orElseThrow().hash()).isEqualTo(READER_HASH);
        assertThat(sink.column("recipient_hash")).allSatisfy(h -> assertThat((String) h).matches("[0-9a-f]{64}"));
    }

    @Test
    void oneRowPerDestinationForEventsWithoutTheirOwnList() {
        String open = "{\"eventType\":\"Open\",\"mail\":" + mail("[\"a@example.net\",\"B@example.net\",\"b@example.net \"]")
                + ",\"open\":{\"ipAddress\":\"198.51.100.7\",\"timestamp\":\"2024-03-05T18:00:00.000Z\",\"userAgent\":\"x\"}}";
        CollectingSink sink = parse(open);
        assertThat(sink.rows).hasSize(2); // b@example.net twice (case, blank) -> one row
        assertThat(sink.column("recipient_hash")).containsExactly(
                RecipientAddress.of("a@example.net").orElseThrow().hash(), RecipientAddress.of("b@example.net").orElseThrow().hash());
    }

    @Test
    void noColumnEverHoldsARecipientAddress() {
        CollectingSink sink = parse(SEND, REJECT, BOUNCE, COMPLAINT, DELIVERY, OPEN, CLICK, RENDERING_FAILURE, DELIVERY_DELAY, SUBSCRIPTION);
        for (Object[] row : sink.rows.stream().map(CollectingSink.Row::values).toList()) {
            for (Object value : row) {
                String text = String.valueOf(value).toLowerCase();
                assertThat(text).doesNotContain("@example.net", "%40example.net", "@example.org", "@example.com");
            }
        }
    }

    @Test
    void rowsFollowTheSchemaTypes() {
        DatasetSchema schema = DatasetSchemas.get("ses_events");
        CollectingSink sink = parse(SEND, REJECT, BOUNCE, COMPLAINT, DELIVERY, OPEN, CLICK, RENDERING_FAILURE, DELIVERY_DELAY, SUBSCRIPTION);
        Map<String, Class<?>> javaTypes = Map.of("string", String.class, "bigint", Long.class, "int", Integer.class,
                "boolean", Boolean.class, "timestamp", Timestamp.class, "double", Double.class);
        for (CollectingSink.Row row : sink.rows) {
            for (ColumnSpec column : schema.columns()) {
                Object value = row.get(column.name());
                if (!column.isNullable()) {
                    assertThat(value).as(column.name()).isNotNull();
                }
                if (value != null) {
                    assertThat(value).as(column.name()).isInstanceOf(javaTypes.get(column.type()));
                }
            }
        }
        assertThat(schema.key()).containsExactly("message_id", "event_type", "recipient_hash", "event_ts");
        assertThat(schema.partitioning()).containsExactly("dt", "hr");
        assertThat(schema.eventTime()).isEqualTo("event_ts");
    }

    @Test
    void aRedeliveredRecordYieldsTheSameKeys() {
        CollectingSink first = parse(BOUNCE, CLICK);
        CollectingSink again = CollectingSink.of("ses_events");
        parser.parse(readJson(CLICK), CLICK, 7, OBJECT, again);
        parser.parse(readJson(BOUNCE), BOUNCE, 8, OBJECT, again);
        assertThat(keys(again)).containsExactlyInAnyOrderElementsOf(keys(first));
        assertThat(keys(first)).hasSize(3).doesNotHaveDuplicates();
    }

    private static List<List<Object>> keys(CollectingSink sink) {
        return sink.rows.stream().map(r -> List.of(r.get("message_id"), r.get("event_type"), r.get("recipient_hash"), r.get("event_ts"))).toList();
    }

    @Test
    void identityNotificationsUseNotificationType() {
        String notification = BOUNCE.replace("\"eventType\":\"Bounce\"", "\"notificationType\":\"Bounce\"");
        String deliveryNotification = DELIVERY.replace("\"eventType\":\"Delivery\"", "\"notificationType\":\"Delivery\"");
        String nullEventType = SEND.replace("\"eventType\":\"Send\"", "\"eventType\":null,\"notificationType\":\"Send\"");
        CollectingSink sink = parse(notification, deliveryNotification, nullEventType,
                "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"You have successfully subscribed\"}");
        assertThat(sink.column("event_type")).containsExactly("Bounce", "Bounce", "Delivery", "Send");
        assertThat(sink.controls).isEqualTo(1);
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void typeNamesAreMatchedLooselyButStoredAsDocumented() {
        CollectingSink sink = parse(RENDERING_FAILURE.replace("Rendering Failure", "RenderingFailure"),
                DELIVERY_DELAY.replace("\"DeliveryDelay\"", "\"deliveryDelay\""), SEND.replace("\"Send\"", "\"SEND\""));
        assertThat(sink.column("event_type")).containsExactly("Rendering Failure", "DeliveryDelay", "Send");
    }

    @Test
    void badRecordsAreQuarantinedWithTheirReasonAndRawText() {
        String unknown = event("Bogus", "bogus", "{}");
        String noMessageId = SEND.replace("\"messageId\":\"" + MESSAGE_ID + "\",", "");
        String blankMessageId = SEND.replace("\"messageId\":\"" + MESSAGE_ID + "\",", "\"messageId\":\"  \",");
        String badOwnTimestamp = CLICK.replace("2024-03-05T18:12:44.001Z", "yesterday");
        String missingOwnTimestamp = DELIVERY.replace("\"timestamp\":\"2024-03-05T17:00:02.480Z\",", "");
        String zonelessTimestamp = SEND.replace("2024-03-05T17:00:01.120Z", "2024-03-05 17:00:01");
        String noRecipients = DELIVERY.replace("\"recipients\":[\"reader@example.net\"]", "\"recipients\":[]");
        String noDestination = OPEN.replace("\"destination\":[\"reader@example.net\"]", "\"destination\":[]");
        String bouncedWithoutAddress = BOUNCE.replace("\"emailAddress\":\"Other Person <other@example.org>\",", "");
        String missingObject = event("Bounce", null, null);
        String noMail = "{\"eventType\":\"Send\",\"send\":{}}";
        String array = "[1,2]";

        CollectingSink sink = parse(unknown, noMessageId, blankMessageId, badOwnTimestamp, missingOwnTimestamp, zonelessTimestamp,
                noRecipients, noDestination, bouncedWithoutAddress, missingObject, noMail, array);

        assertThat(sink.rows).isEmpty();
        assertThat(sink.quarantined.stream().map(QuarantineRecord::reason).toList()).containsExactly(
                ReasonCode.UNKNOWN_RECORD_TYPE, ReasonCode.MISSING_KEY, ReasonCode.MISSING_KEY, ReasonCode.BAD_TIMESTAMP,
                ReasonCode.BAD_TIMESTAMP, ReasonCode.BAD_TIMESTAMP, ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH,
                ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH, ReasonCode.SCHEMA_MISMATCH);
        assertThat(sink.quarantined.stream().map(QuarantineRecord::offset).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(sink.quarantined.get(0).detail()).contains("eventType 'Bogus'", "Rendering Failure");
        assertThat(sink.quarantined.get(1).detail()).contains("mail.messageId is missing");
        assertThat(sink.quarantined.get(3).detail()).contains("click.timestamp", "\"yesterday\"");
        assertThat(sink.quarantined.get(4).detail()).contains("delivery.timestamp is missing");
        assertThat(sink.quarantined.get(5).detail()).contains("mail.timestamp", "2024-03-05 17:00:01");
        assertThat(sink.quarantined.get(6).detail()).contains("delivery.recipients is empty");
        assertThat(sink.quarantined.get(7).detail()).contains("mail.destination is empty");
        assertThat(sink.quarantined.get(8).detail()).contains("bounce.bouncedRecipients[1]");
        assertThat(sink.quarantined.get(9).detail()).contains("bounce is missing");
        assertThat(sink.quarantined.get(10).detail()).contains("mail is missing");
        assertThat(sink.quarantined.get(11).detail()).contains("ARRAY");
        assertThat(sink.quarantined).allSatisfy(q -> assertThat(q.sourceObject()).isEqualTo(OBJECT.uri()));
        assertThat(sink.quarantined.get(3).raw()).isEqualTo(badOwnTimestamp);
    }

    @Test
    void quarantineDetailsNeverQuoteAnAddress() {
        String typeIsAnAddress = event("victim@example.net", "x", "{}");
        String recipientNotAString = DELIVERY.replace("\"recipients\":[\"reader@example.net\"]", "\"recipients\":[\"reader@example.net\",42]");
        String timestampIsAnAddress = CLICK.replace("2024-03-05T18:12:44.001Z", "reader@example.net");
        CollectingSink sink = parse(typeIsAnAddress, recipientNotAString, timestampIsAnAddress);
        assertThat(sink.reasonCounts()).containsExactly(Map.entry(ReasonCode.SCHEMA_MISMATCH, 1L),
                Map.entry(ReasonCode.BAD_TIMESTAMP, 1L), Map.entry(ReasonCode.UNKNOWN_RECORD_TYPE, 1L));
        assertThat(sink.quarantined).allSatisfy(q -> assertThat(q.detail()).doesNotContain("@example.net"));
        // the raw record, as landed, is kept whole (and does hold addresses)
        assertThat(sink.quarantined.get(0).raw()).contains("reader@example.net");
    }

    @Test
    void valuesOfTheWrongTypeInOptionalFieldsBecomeNull() {
        String delivery = DELIVERY.replace("\"processingTimeMillis\":1360", "\"processingTimeMillis\":\"processing-time\"");
        String deliveryAsText = DELIVERY.replace("\"processingTimeMillis\":1360", "\"processingTimeMillis\":\"1360\"");
        String untagged = SEND.replace("\"ses:configuration-set\":[\"digest\"],", "");
        CollectingSink sink = parse(delivery, deliveryAsText, untagged);
        assertThat(sink.column("processing_time_ms")).containsExactly(null, 1360L, null);
        assertThat(sink.rows.get(2).get("configuration_set")).isNull();
    }

    @Test
    void timestampsWithOffsetsAndShortFractionsAreUtcInstants() {
        CollectingSink sink = parse(SEND.replace("2024-03-05T17:00:01.120Z", "2024-03-05T19:00:01.1+02:00"));
        assertThat(sink.rows.get(0).eventTime()).isEqualTo(Instant.parse("2024-03-05T17:00:01.100Z"));
        assertThat(sink.quarantined).isEmpty();
    }

    @Test
    void datasetAndColumnsCoverTheWarehouseNeeds() {
        assertThat(parser.datasets()).containsExactly("ses_events");
        Set<String> columns = DatasetSchemas.get("ses_events").columnNames().stream().collect(Collectors.toSet());
        assertThat(columns).contains("event_ts", "message_id", "event_type", "recipient_hash", "bounce_type", "bounce_sub_type",
                "complaint_type", "link", "source_arn", "sending_account_id", "configuration_set", "processing_time_ms")
                .doesNotContain("subject", "smtp_response", "diagnostic_code", "source", "recipient");
    }
}
