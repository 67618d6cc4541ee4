package io.tidemark.sources.guardduty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GuardDuty finding and what its EventBridge envelope adds, if it came in one.
 *
 * @param finding    the finding object (the envelope's {@code detail}, or the whole document for a bare finding)
 * @param fieldPath  how the finding's fields are named in messages: {@code "detail."} or {@code ""}
 * @param eventId    the envelope's {@code id}, or null
 * @param detailType the envelope's {@code detail-type}, or null
 * @param account    the envelope's {@code account}, or null
 * @param region     the envelope's {@code region}, or null
 */
record FindingEvent(JsonNode finding, String fieldPath, String eventId, String detailType, String account, String region) {
}
