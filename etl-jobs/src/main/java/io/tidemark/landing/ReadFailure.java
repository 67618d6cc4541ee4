package io.tidemark.landing;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * What a failure while reading an object's content means for its records: an early end or undecodable
 * compressed data is bad data (quarantined); any other I/O error is a failure of the storage.
 *
 * @param reason TRUNCATED_OBJECT when content was read before the failure, else CORRUPT_COMPRESSION
 * @param detail the explanation for the quarantine record
 */
public record ReadFailure(ReasonCode reason, String detail) {
    /**
     * @param failure      what the decompressed stream threw
     * @param contentBytes decompressed bytes read before it
     * @return the quarantine reason, or empty when the failure is one of the storage (to be propagated)
     */
    public static Optional<ReadFailure> classify(IOException failure, long contentBytes) {
        if (!(failure instanceof EOFException) && !(failure instanceof ZipException)) {
            return Optional.empty();
        }
        boolean content = contentBytes > 0;
        ReasonCode reason = content ? ReasonCode.TRUNCATED_OBJECT : ReasonCode.CORRUPT_COMPRESSION;
        if (failure instanceof EOFException) {
            return Optional.of(new ReadFailure(reason, content
                    ? "Cannot decompress object: it ends early after " + contentBytes + " decompressed bytes ("
                    + failure.getMessage() + "); the rest is lost"
                    : "Cannot decompress object: it ends before any content (" + failure.getMessage() + ")"));
        }
        return Optional.of(new ReadFailure(reason, "Cannot decompress object: " + failure.getMessage()
                + (content ? " after " + contentBytes + " decompressed bytes; the rest is lost" : "")));
    }
}
