package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * CloudWatch Logs subscription records as Firehose lands them.
 *
 * @param flowLogGroupPattern log groups whose name matches carry VPC flow logs; every other group is an app log
 * @param flowLogFormat       the flow-log field list, space-separated, in the order of the flow log's format
 * @param maxRecordBytes      log events with a longer message are quarantined as OVERSIZED_RECORD
 */
public record CloudWatchLogsSourceSpec(
        @JsonProperty("flowLogGroupPattern") String flowLogGroupPattern,
        @JsonProperty("flowLogFormat") String flowLogFormat,
        @JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {

    public static final String DEFAULT_FLOW_LOG_GROUP_PATTERN = "(?i).*flow-?logs.*";
    public static final String DEFAULT_FLOW_LOG_FORMAT =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    public CloudWatchLogsSourceSpec {
        flowLogGroupPattern = flowLogGroupPattern == null ? DEFAULT_FLOW_LOG_GROUP_PATTERN : flowLogGroupPattern;
        flowLogFormat = flowLogFormat == null ? DEFAULT_FLOW_LOG_FORMAT : flowLogFormat;
        maxRecordBytes = maxRecordBytes == null ? 1 << 20 : maxRecordBytes;
        try {
            Pattern.compile(flowLogGroupPattern);
        } catch (PatternSyntaxException e) {
            throw new ConfigException("Cannot use source.flowLogGroupPattern '" + flowLogGroupPattern + "': " + e.getDescription());
        }
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
    }

    public Pattern flowLogGroupRegex() {
        return Pattern.compile(flowLogGroupPattern);
    }

    /**
     * CloudWatch Logs refuses events older than 14 days, plus a day of Firehose retries: nothing older can arrive
     * through a subscription.
     */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.of(15);
    }
}
