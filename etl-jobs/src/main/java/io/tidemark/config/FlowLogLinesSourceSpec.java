package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/**
 * VPC flow-log lines as the Lambda blueprint {@code kinesis-firehose-cloudwatch-logs-processor} lands them
 * (FORMATS.md 2.3): plain text, one flow-log line per line, the CloudWatch Logs metadata gone.
 *
 * @param logGroup       the CloudWatch Logs log group the lines came from (required: the lines do not carry it);
 *                       stored in {@code log_group} and part of the dedup key
 * @param flowLogFormat  the flow-log field list, space-separated, in the order of the flow log's format (default:
 *                       the version-2 default format); a header line in an object overrides it for the lines
 *                       after it
 * @param maxRecordBytes lines longer than this (UTF-8 bytes, without the line end) are quarantined as
 *                       OVERSIZED_RECORD
 */
public record FlowLogLinesSourceSpec(
        @JsonProperty("logGroup") String logGroup,
        @JsonProperty("flowLogFormat") String flowLogFormat,
        @JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {

    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    public FlowLogLinesSourceSpec {
        if (logGroup == null || logGroup.isBlank()) {
            throw new ConfigException("Cannot use source.logGroup '" + logGroup
                    + "': expected the flow log's CloudWatch Logs log group, e.g. '/vpc/flow-logs'");
        }
        flowLogFormat = flowLogFormat == null ? FlowLogFormat.DEFAULT_V2.toString() : flowLogFormat;
        FlowLogFormat.parse(flowLogFormat);
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
    }

    public FlowLogFormat format() {
        return FlowLogFormat.parse(flowLogFormat);
    }

    /** Flow logs delivered through CloudWatch Logs: 14 days (what CloudWatch Logs accepts) plus a day of Firehose retries. */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.of(15);
    }
}
