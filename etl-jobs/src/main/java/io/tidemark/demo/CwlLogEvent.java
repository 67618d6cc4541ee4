package io.tidemark.demo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Wire form of one CloudWatch Logs log event. */
@JsonPropertyOrder({"id", "timestamp", "message"})
record CwlLogEvent(String id, long timestamp, String message) {
}
