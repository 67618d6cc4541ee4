package io.tidemark.sources.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.SesSourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.JsonRecordParser;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.RecordSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SES event publishing record (FORMATS.md 4) to {@code ses_events} rows: one row per event and recipient, keyed
 * by message id, event type, recipient hash and event time. Identity notifications ({@code notificationType}
 * instead of {@code eventType}) are read the same way; SES's SNS subscription confirmation is counted as control
 * traffic. Recipient addresses are only ever stored hashed; quarantine details never quote them (the quarantined
 * raw text is the record as landed and does hold them).
 */
public final class SesEventParser implements JsonRecordParser {
    public static final String DATASET = "ses_events";
    private static final String SUBSCRIPTION_CONFIRMATION = "AmazonSnsSubscriptionSucceeded";

    private final List<String> columns;

    public SesEventParser() {
        this(DatasetSchemas.get(DATASET).columnNames());
    }

    public SesEventParser(SesSourceSpec spec) {
        this();
    }

    /** @param columns the dataset's column names in schema order */
    SesEventParser(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public List<String> datasets() {
        return List.of(DATASET);
    }

    @Override
    public void parse(JsonNode document, String rawText, long offset, LandedObject object, RecordSink sink) {
        Optional<SesProblem> problem = read(document, offset, sink);
        problem.ifPresent(p -> sink.quarantine(new QuarantineRecord(object.uri(), offset, p.reason(),
                AddressRedactor.none().freeText(p.detail()), rawText == null ? "" : rawText)));
    }

    private Optional<SesProblem> read(JsonNode document, long offset, RecordSink sink) {
        if (document == null || !document.isObject()) {
            return schemaMismatch("Cannot read SES event: the record is a "
                    + (document == null ? "nothing" : document.getNodeType()) + ", expected a JSON object");
        }
        String typeField = typeField(document);
        if (typeField == null) {
            return schemaMismatch("Cannot read SES event: neither eventType nor notificationType is present (top-level fields "
                    + fieldNames(document) + "), expected an SES event publishing record");
        }
        JsonNode typeNode = document.get(typeField);
        if (!typeNode.isTextual()) {
            return Optional.of(new SesProblem(ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read SES event: " + typeField
                    + " is " + typeNode + ", expected one of " + knownTypes()));
        }
        if (typeNode.asText().equals(SUBSCRIPTION_CONFIRMATION)) {
            sink.control();
            return Optional.empty();
        }
        Optional<SesEventType> type = SesEventType.fromName(typeNode.asText());
        if (type.isEmpty()) {
            return Optional.of(new SesProblem(ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read SES event: " + typeField
                    + " '" + typeNode.asText() + "' is not one of " + knownTypes()));
        }
        return read(type.get(), document, offset, sink);
    }

    private Optional<SesProblem> read(SesEventType type, JsonNode document, long offset, RecordSink sink) {
        JsonNode mail = document.get("mail");
        if (mail == null || !mail.isObject()) {
            return schemaMismatch("Cannot read " + type.eventName() + " event: mail is "
                    + (mail == null ? "missing" : "a " + mail.getNodeType()) + ", expected an object");
        }
        JsonNode messageId = mail.get("messageId");
        if (messageId == null || !messageId.isTextual() || messageId.asText().isBlank()) {
            return Optional.of(new SesProblem(ReasonCode.MISSING_KEY, "Cannot read " + type.eventName()
                    + " event: mail.messageId is " + (messageId == null ? "missing" : "'" + messageId + "'")
                    + ", expected the SES message id"));
        }
        JsonNode detail = document.get(type.objectKey());
        if (detail == null && type == SesEventType.SEND) {
            detail = JsonNodeFactory.instance.objectNode();
        }
        if (detail == null || !detail.isObject()) {
            return schemaMismatch("Cannot read " + type.eventName() + " event " + messageId.asText() + ": "
                    + type.objectKey() + " is " + (detail == null ? "missing" : "a " + detail.getNodeType())
                    + ", expected an object");
        }
        JsonNode timeNode = type.hasOwnTimestamp() ? detail.get("timestamp") : mail.get("timestamp");
        Optional<Instant> eventTime = timeNode != null && timeNode.isTextual() ? SesTimestamp.parse(timeNode.asText()) : Optional.empty();
        if (eventTime.isEmpty()) {
            return Optional.of(new SesProblem(ReasonCode.BAD_TIMESTAMP, "Cannot read " + type.eventName() + " event "
                    + messageId.asText() + ": " + type.timestampPath() + " is " + (timeNode == null ? "missing" : timeNode.toString())
                    + ", expected an ISO-8601 instant such as 2024-03-05T17:00:03.000Z"));
        }
        SesRecipients recipients = SesRecipients.read(type, mail, detail);
        if (recipients.problem().isPresent()) {
            return recipients.problem();
        }
        AddressRedactor redactor = new AddressRedactor(everyAddress(mail, recipients));
        Map<String, Object> shared = SesEventFields.of(type, eventTime.get(), messageId.asText(), mail, detail, redactor);
        for (SesRecipient recipient : recipients.all()) {
            Map<String, Object> values = new HashMap<>(shared);
            values.put("recipient_hash", recipient.address().hash());
            values.put("recipient_status", redactor.freeText(recipient.status()));
            sink.row(DATASET, ordered(values), offset, eventTime.get());
        }
        return Optional.empty();
    }

    private Object[] ordered(Map<String, Object> values) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(columns.get(i));
        }
        return row;
    }

    /** The event's recipients plus every address in mail.destination, for redaction. */
    private static Set<RecipientAddress> everyAddress(JsonNode mail, SesRecipients recipients) {
        Set<RecipientAddress> addresses = new LinkedHashSet<>(recipients.addresses());
        for (JsonNode entry : mail.path("destination")) {
            if (entry.isTextual()) {
                RecipientAddress.of(entry.asText()).ifPresent(addresses::add);
            }
        }
        return addresses;
    }

    /** eventType; notificationType (identity notifications) when eventType is absent or null; null when neither. */
    private static String typeField(JsonNode document) {
        boolean eventType = document.hasNonNull("eventType");
        if (!eventType && document.has("notificationType")) {
            return "notificationType";
        }
        return document.has("eventType") ? "eventType" : null;
    }

    private static Optional<SesProblem> schemaMismatch(String detail) {
        return Optional.of(new SesProblem(ReasonCode.SCHEMA_MISMATCH, detail));
    }

    private static List<String> fieldNames(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String knownTypes() {
        return Arrays.stream(SesEventType.values()).map(SesEventType::eventName).toList().toString();
    }
}
