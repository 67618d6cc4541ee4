package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Amazon SES event publishing records as Firehose lands them: JSON lines, one event per line (FORMATS.md 4).
 *
 * @param maxRecordBytes records (lines) longer than this are quarantined as OVERSIZED_RECORD by the framing layer
 */
public record SesSourceSpec(@JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {

    public SesSourceSpec {
        maxRecordBytes = maxRecordBytes == null ? 1 << 20 : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
    }
}
