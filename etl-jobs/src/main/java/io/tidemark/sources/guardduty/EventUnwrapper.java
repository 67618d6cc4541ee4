package io.tidemark.sources.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.ReasonCode;
import java.util.List;

/**
 * Finds the finding in a document. Three shapes are accepted: the full EventBridge event (FORMATS 7.1), an
 * envelope missing some of its keys (only {@code region} + {@code detail}, as in the aws-samples test event), and a
 * bare finding (the document itself has {@code id}, {@code type}, {@code updatedAt}, ...). An envelope is a
 * document with {@code detail}, {@code detail-type} or {@code source}; its {@code detail-type}, when present, must
 * be {@code GuardDuty Finding}, and when it is absent a {@code source} other than {@code aws.guardduty} is refused.
 */
final class EventUnwrapper {
    static final String DETAIL_TYPE = "GuardDuty Finding";
    static final String SOURCE = "aws.guardduty";
    private static final List<String> FINDING_FIELDS =
            List.of("id", "type", "updatedAt", "createdAt", "severity", "schemaVersion", "resource", "service", "arn");

    private EventUnwrapper() {
    }

    static Unwrapped unwrap(JsonNode document) {
        if (document == null || !document.isObject()) {
            return Unwrapped.rejected(ReasonCode.SCHEMA_MISMATCH, "Cannot read GuardDuty event: expected a JSON object, got "
                    + kind(document));
        }
        if (document.has("detail") || document.has("detail-type") || document.has("source")) {
            return envelope(document);
        }
        if (FINDING_FIELDS.stream().anyMatch(document::has)) {
            return Unwrapped.of(new FindingEvent(document, "", null, null, null, null));
        }
        return Unwrapped.rejected(ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read GuardDuty event: the document is neither an "
                + "EventBridge event (no detail, detail-type or source) nor a finding (none of " + FINDING_FIELDS + ")");
    }

    private static Unwrapped envelope(JsonNode document) {
        JsonNode detailType = document.get("detail-type");
        if (present(detailType) && !DETAIL_TYPE.equals(detailType.asText())) {
            return Unwrapped.rejected(ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read GuardDuty event: detail-type '"
                    + detailType.asText() + "' is not '" + DETAIL_TYPE + "'");
        }
        JsonNode source = document.get("source");
        if (!present(detailType) && present(source) && !SOURCE.equals(source.asText())) {
            return Unwrapped.rejected(ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read GuardDuty event: source '"
                    + source.asText() + "' is not '" + SOURCE + "' and there is no detail-type");
        }
        JsonNode detail = document.get("detail");
        if (!present(detail)) {
            return Unwrapped.rejected(ReasonCode.MISSING_KEY, "Cannot read GuardDuty event: detail is missing, so is detail.id");
        }
        if (!detail.isObject()) {
            return Unwrapped.rejected(ReasonCode.SCHEMA_MISMATCH, "Cannot read GuardDuty event: detail is " + kind(detail)
                    + ", expected one finding object");
        }
        return Unwrapped.of(new FindingEvent(detail, "detail.", text(document.get("id")), text(detailType),
                text(document.get("account")), text(document.get("region"))));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static String text(JsonNode node) {
        return present(node) && node.isValueNode() ? node.asText() : null;
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
