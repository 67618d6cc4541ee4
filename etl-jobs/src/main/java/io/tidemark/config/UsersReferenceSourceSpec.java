package io.tidemark.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/**
 * Daily user reference snapshots {@code reference/users/dt=yyyy-MM-dd/users.csv} ({@code user_id,gender,segment_id},
 * header optional).
 *
 * @param maxRecordBytes CSV rows longer than this (UTF-8 bytes, without the line end) are quarantined as OVERSIZED_RECORD
 */
public record UsersReferenceSourceSpec(@JsonProperty("maxRecordBytes") Integer maxRecordBytes) implements SourceSpec {
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

    public UsersReferenceSourceSpec {
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        if (maxRecordBytes < 64) {
            throw new ConfigException("Cannot use source.maxRecordBytes " + maxRecordBytes + ": expected at least 64");
        }
    }

    /** Reference snapshots: no horizon. */
    @Override
    public OptionalInt defaultLateArrivalHorizonDays() {
        return OptionalInt.empty();
    }
}
