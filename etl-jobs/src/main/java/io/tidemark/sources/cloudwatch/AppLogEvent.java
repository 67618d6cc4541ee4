package io.tidemark.sources.cloudwatch;

/**
 * Any other CloudWatch Logs log event: the message exactly as delivered (newlines, tabs and JSON-looking
 * text included; it is not parsed).
 */
public record AppLogEvent(LogEventContext context, String message) {
}
