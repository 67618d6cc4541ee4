package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

/**
 * A VPC flow-log line delivered as a CloudWatch Logs log event.
 *
 * @param context where the event came from
 * @param fields  values aligned with {@link FlowLogFormat#canonicalColumns()} (Integer, Long, String or null)
 */
public record FlowLogEvent(LogEventContext context, Object[] fields) {
}
