package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

/**
 * One object {@link FlowLogLinesLandingGenerator} wrote.
 *
 * @param key       key relative to the landing root ({@code flowlogs-lines/YYYY/MM/DD/HH/<stream>-1-<time>-<uuid>})
 * @param trap      what the object is for: {@code v2-header-lf}, {@code v2-crlf-no-final-newline},
 *                  {@code v2-gzip-bad-lines}, {@code v5-header-user-order}, {@code v2-gzip-multi-member},
 *                  {@code redelivery}
 * @param gzip      whether the bytes are gzip
 * @param sizeBytes bytes on disk
 * @param dataLines flow-log lines written (header and blank lines excluded, bad lines included)
 * @param copyOf    for the redelivery, the key of the original; otherwise null
 */
public record FlowLinesObject(String key, String trap, boolean gzip, long sizeBytes, int dataLines, String copyOf) {
    public FlowLinesObject {
        requireNonNull(key, "key");
        requireNonNull(trap, "trap");
    }
}
