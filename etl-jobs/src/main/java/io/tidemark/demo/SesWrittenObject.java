package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

/**
 * One object {@link SesLandingGenerator} wrote: JSON lines, gzip-compressed as a whole (Firehose GZIP).
 *
 * @param key          key relative to the landing root ({@code ses/YYYY/MM/DD/HH/<stream>-1-<time>-<uuid>})
 * @param sizeBytes    bytes on disk (compressed)
 * @param records      lines written, including malformed ones and the redelivered copy
 * @param rows         rows its lines yield before deduplication
 * @param quarantined  lines quarantined
 */
public record SesWrittenObject(String key, long sizeBytes, int records, int rows, int quarantined) {
    public SesWrittenObject {
        requireNonNull(key, "key");
    }
}
