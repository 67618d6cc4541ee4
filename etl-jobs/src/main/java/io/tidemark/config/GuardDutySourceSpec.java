package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GuardDuty findings as an EventBridge rule with a Firehose target lands them: one EventBridge event (or a bare
 * finding) per JSON document, documents concatenated with no delimiter or newline-separated.
 *
 * @param maxRecordBytes documents longer than this are quarantined as OVERSIZED_RECORD by the framing layer
 */
public record GuardDutySourceSpec(@JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    public GuardDutySourceSpec {
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
    }
}
