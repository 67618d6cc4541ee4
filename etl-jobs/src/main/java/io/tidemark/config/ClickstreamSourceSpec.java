package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/**
 * Clickstream JSON lines as Firehose lands them ({@code {"article_id","user_id","action"}} plus optional
 * {@code event_id} and {@code timestamp}).
 *
 * @param maxRecordBytes JSON documents longer than this are quarantined as OVERSIZED_RECORD by the framing layer
 */
public record ClickstreamSourceSpec(@JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    public ClickstreamSourceSpec {
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 1024");
        }
    }

    /** Mobile clients buffer events offline and send them when they reconnect, weeks later. */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.of(30);
    }
}
