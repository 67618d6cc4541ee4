package io.tidemark.sources.ses;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The column values one SES event shares across its recipients, by column name. Text that may carry an address is
 * redacted here; nothing here is a recipient address.
 */
final class SesEventFields {
    private SesEventFields() {
    }

    static Map<String, Object> of(SesEventType type, Instant eventTime, String messageId, JsonNode mail, JsonNode detail,
                                  AddressRedactor redactor) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("event_ts", Timestamp.from(eventTime));
        values.put("message_id", messageId);
        values.put("event_type", type.eventName());
        values.put("mail_ts", text(mail, "timestamp") == null ? null
                : SesTimestamp.parse(text(mail, "timestamp")).map(Timestamp::from).orElse(null));
        values.put("source_arn", redactor.identifier(text(mail, "sourceArn")));
        values.put("sending_account_id", redactor.identifier(text(mail, "sendingAccountId")));
        values.put("configuration_set", redactor.identifier(firstTag(mail.path("tags").path("ses:configuration-set"))));
        values.put("bounce_type", text(detail, "bounceType"));
        values.put("bounce_sub_type", text(detail, "bounceSubType"));
        values.put("complaint_type", text(detail, "complaintFeedbackType"));
        values.put("complaint_sub_type", text(detail, "complaintSubType"));
        values.put("feedback_id", redactor.identifier(text(detail, "feedbackId")));
        values.put("delay_type", text(detail, "delayType"));
        values.put("processing_time_ms", whole(detail.path("processingTimeMillis")));
        values.put("reporting_mta", redactor.freeText(text(detail, "reportingMTA")));
        values.put("reject_reason", redactor.freeText(text(detail, "reason")));
        values.put("ip_address", text(detail, "ipAddress"));
        values.put("user_agent", redactor.freeText(text(detail, "userAgent")));
        values.put("link", redactor.freeText(text(detail, "link")));
        values.put("link_tags", detail.path("linkTags").isObject() ? redactor.freeText(detail.get("linkTags").toString()) : null);
        values.put("template_name", redactor.freeText(text(detail, "templateName")));
        values.put("error_message", redactor.freeText(text(detail, "errorMessage")));
        values.put("contact_list", redactor.freeText(text(detail, "contactList")));
        JsonNode unsubscribeAll = detail.path("newTopicPreferences").path("unsubscribeAll");
        values.put("unsubscribe_all", unsubscribeAll.isBoolean() ? unsubscribeAll.booleanValue() : null);
        return values;
    }

    /** A scalar field as text (numbers and booleans included), null when absent, null or structured. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String firstTag(JsonNode tag) {
        if (tag.isArray()) {
            return tag.isEmpty() || !tag.get(0).isValueNode() || tag.get(0).isNull() ? null : tag.get(0).asText();
        }
        return tag.isValueNode() && !tag.isNull() ? tag.asText() : null;
    }

    /** A whole number (or a string of digits), else null: a non-numeric processing time is not worth a record. */
    private static Long whole(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
            return (long) value.doubleValue();
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText().strip());
        }
        return null;
    }
}
