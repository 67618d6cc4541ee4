package io.tidemark.lake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * One generation of a table's lease, as stored in the lake: who holds it and until when.
 *
 * @param runId      the holder's run id
 * @param host       the holder's host name
 * @param pid        the holder's process id
 * @param acquiredAt when the holder took this generation
 * @param expiresAt  when it lapses unless renewed (set to the release time on release)
 * @param released   whether the holder gave it back
 */
public record LeaseRecord(
        @JsonProperty("runId") String runId,
        @JsonProperty("host") String host,
        @JsonProperty("pid") long pid,
        @JsonProperty("acquiredAt") Instant acquiredAt,
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("released") boolean released) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public LeaseRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(host, "host is null");
        requireNonNull(acquiredAt, "acquiredAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    /** Whether the lease keeps others out at {@code now}. */
    public boolean heldAt(Instant now) {
        return !released && now.isBefore(expiresAt);
    }

    public boolean sameHolder(LeaseRecord other) {
        return runId.equals(other.runId) && host.equals(other.host) && pid == other.pid && acquiredAt.equals(other.acquiredAt);
    }

    public LeaseRecord renewedUntil(Instant until) {
        return new LeaseRecord(runId, host, pid, acquiredAt, until, false);
    }

    public LeaseRecord releasedAt(Instant now) {
        return new LeaseRecord(runId, host, pid, acquiredAt, now, true);
    }

    /** "run R on host H (pid P) since A, until E" */
    public String describe() {
        return "run " + runId + " on host " + host + " (pid " + pid + ") since " + acquiredAt + ", until " + expiresAt;
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a lease record as JSON", e);
        }
    }

    /** The record, or empty if the bytes are not one (a write cut short). */
    public static Optional<LeaseRecord> parse(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, LeaseRecord.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
