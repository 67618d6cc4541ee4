package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

/**
 * One object the generator wrote.
 *
 * @param key                key relative to the landing root, '/'-separated
 *                           ({@code cwlogs/YYYY/MM/DD/HH/<stream>-1-<time>-<uuid>})
 * @param kind               what the object is
 * @param sizeBytes          bytes on disk
 * @param envelopesWritten   envelopes (gzip members) encoded for this object, before any cut
 * @param eventsWritten      log events in those envelopes, before any cut
 * @param readableEnvelopes  complete gzip members a reader can decode (0 for garbage)
 * @param readableEvents     log events in the readable envelopes
 * @param copyOf             for a REDELIVERY, the key of the original; otherwise null
 */
public record WrittenObject(String key, ObjectKind kind, long sizeBytes, int envelopesWritten, int eventsWritten,
                            int readableEnvelopes, int readableEvents, String copyOf) {
    public WrittenObject {
        requireNonNull(key, "key");
        requireNonNull(kind, "kind");
    }
}
