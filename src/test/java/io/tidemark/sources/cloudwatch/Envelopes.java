package io.tidemark.sources.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds CloudWatch Logs subscription envelopes (compact JSON, as CloudWatch Logs sends them). */
final class Envelopes {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OWNER = "111122223333";
    static final String FLOW_GROUP = "/vpc/flow-logs";

    private Envelopes() {
    }

    /** A DATA_MESSAGE whose events have ids "{prefix}-{i}", timestamps 1709658300000+i and the given messages. */
    static String data(String logGroup, String idPrefix, String... messages) {
        ObjectNode envelope = header("DATA_MESSAGE", OWNER, logGroup, "stream-" + idPrefix);
        ArrayNode events = envelope.putArray("logEvents");
        for (int i = 0; i < messages.length; i++) {
            events.addObject().put("id", idPrefix + "-" + i).put("timestamp", 1709658300000L + i).put("message", messages[i]);
        }
        return envelope.toString();
    }

    static String control() {
        ObjectNode envelope = header("CONTROL_MESSAGE", "CloudwatchLogs", "", "");
        envelope.putArray("logEvents").addObject().put("id", "").put("timestamp", 1709658200000L)
                .put("message", "CWL CONTROL MESSAGE: Checking health of destination Firehose.");
        return envelope.toString();
    }

    static ObjectNode header(String messageType, String owner, String logGroup, String logStream) {
        ObjectNode envelope = JSON.createObjectNode();
        if (messageType != null) {
            envelope.put("messageType", messageType);
        }
        envelope.put("owner", owner).put("logGroup", logGroup).put("logStream", logStream);
        envelope.putArray("subscriptionFilters").add("to-firehose");
        return envelope;
    }
}
