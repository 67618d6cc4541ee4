package io.tidemark.sources.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.RawPrefix;
import io.tidemark.landing.ReasonCode;
import java.util.regex.Pattern;

/**
 * Turns the CloudWatch Logs envelopes of one object into flow-log events, app-log events and
 * quarantine records, and keeps the object's counts. One instance per object read.
 */
final class EnvelopeRouter {
    private final String sourceObject;
    private final CloudWatchEventSink sink;
    private final Pattern flowLogGroupPattern;
    private final FlowLogLineParser lineParser;
    private final int maxRecordBytes;
    private final long firstOffset;

    private long envelopes;
    private long controlMessages;
    private long logEvents;
    private long headerLines;
    private long quarantined;

    EnvelopeRouter(String sourceObject, CloudWatchEventSink sink, Pattern flowLogGroupPattern,
                   FlowLogLineParser lineParser, int maxRecordBytes, long firstOffset) {
        this.sourceObject = sourceObject;
        this.sink = sink;
        this.flowLogGroupPattern = flowLogGroupPattern;
        this.lineParser = lineParser;
        this.maxRecordBytes = maxRecordBytes;
        this.firstOffset = firstOffset;
    }

    /** The offset of the next log event: the first offset plus the log events read so far. */
    long logEventsRead() {
        return firstOffset + logEvents;
    }

    ObjectReadSummary summary() {
        return new ObjectReadSummary(envelopes, controlMessages, logEvents, headerLines, quarantined);
    }

    void quarantine(long offset, ReasonCode reason, String detail, String raw) {
        quarantined++;
        sink.quarantine(new QuarantineRecord(sourceObject, offset, reason, detail, raw));
    }

    void envelope(JsonNode envelope) {
        envelopes++;
        String messageType = text(envelope, "messageType");
        if ("CONTROL_MESSAGE".equals(messageType)) {
            controlMessages++;
            return;
        }
        if (!"DATA_MESSAGE".equals(messageType)) {
            quarantine(logEventsRead(), ReasonCode.UNKNOWN_RECORD_TYPE, messageType == null
                    ? "Cannot route envelope: messageType is missing or not a string"
                    : "Cannot route envelope: unknown messageType '" + messageType + "'", RawPrefix.of(envelope.toString()));
            return;
        }
        JsonNode events = envelope.get("logEvents");
        if (events == null || !events.isArray()) {
            quarantine(logEventsRead(), ReasonCode.SCHEMA_MISMATCH,
                    "Cannot read envelope: logEvents is missing or not an array", RawPrefix.of(envelope.toString()));
            return;
        }
        String owner = text(envelope, "owner");
        String logGroup = text(envelope, "logGroup");
        String logStream = text(envelope, "logStream");
        boolean flowLogs = logGroup != null && flowLogGroupPattern.matcher(logGroup).matches();
        for (JsonNode event : events) {
            long offset = firstOffset + logEvents++;
            logEvent(event, offset, owner, logGroup, logStream, flowLogs);
        }
    }

    private void logEvent(JsonNode event, long offset, String owner, String logGroup, String logStream,
                          boolean flowLogs) {
        JsonNode messageNode = event.get("message");
        String message = messageNode != null && messageNode.isTextual() ? messageNode.textValue() : null;
        String raw = message != null ? RawPrefix.of(message) : RawPrefix.of(event.toString());
        String id = text(event, "id");
        if (id == null || id.isEmpty()) {
            quarantine(offset, ReasonCode.MISSING_KEY, "Cannot key log event: id is "
                    + (id == null ? "missing" : "empty") + " (logGroup " + logGroup + ")", raw);
            return;
        }
        JsonNode timestamp = event.get("timestamp");
        if (timestamp == null || timestamp.isNull() || !timestamp.isIntegralNumber() || !timestamp.canConvertToLong()) {
            quarantine(offset, ReasonCode.BAD_TIMESTAMP, "Cannot read log event " + id + " timestamp: "
                    + (timestamp == null || timestamp.isNull() ? "it is missing" : "'" + timestamp + "' is not epoch milliseconds"),
                    raw);
            return;
        }
        if (message == null) {
            quarantine(offset, ReasonCode.SCHEMA_MISMATCH, "Cannot read log event " + id + ": message is "
                    + (messageNode == null || messageNode.isNull() ? "missing" : "not a string"), raw);
            return;
        }
        long size = utf8Length(message);
        if (size > maxRecordBytes) {
            quarantine(offset, ReasonCode.OVERSIZED_RECORD, "Cannot keep log event " + id + ": message is " + size
                    + " bytes, more than the limit of " + maxRecordBytes + " (raw keeps the first "
                    + RawPrefix.MAX_CHARS + " characters)", raw);
            return;
        }
        LogEventContext context = new LogEventContext(id, timestamp.longValue(), owner, logGroup, logStream,
                sourceObject, offset);
        if (!flowLogs) {
            sink.appLog(new AppLogEvent(context, message));
            return;
        }
        FlowLogParseResult result = lineParser.parse(message);
        if (result instanceof FlowLogParseResult.Row row) {
            sink.flowLog(new FlowLogEvent(context, row.fields()));
        } else if (result instanceof FlowLogParseResult.Header) {
            headerLines++;
        } else if (result instanceof FlowLogParseResult.Failure failure) {
            quarantine(offset, failure.reason(), failure.detail() + " (log event " + id + ")", message);
        }
    }

    /** A scalar field as text, or null if it is missing, null or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
