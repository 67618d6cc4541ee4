package io.tidemark.demo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Wire form of one CloudWatch Logs subscription record (one gzip member in a Firehose object). */
@JsonPropertyOrder({"messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents"})
record CwlEnvelope(String messageType, String owner, String logGroup, String logStream,
                   List<String> subscriptionFilters, List<CwlLogEvent> logEvents) {
}
