package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

/**
 * One clickstream object the generator wrote.
 *
 * @param key       key relative to the landing root ({@code clickstream/YYYY/MM/DD/HH/<stream>-1-<time>-<uuid>[.gz]})
 * @param gzip      whether the body is gzip
 * @param framing   how records are separated: {@code LF}, {@code CRLF} or {@code CONCATENATED} (no separator)
 * @param documents JSON documents written (including a malformed line)
 * @param copyOf    for a byte-for-byte redelivery, the key of the original; otherwise null
 */
public record ClickObject(String key, boolean gzip, String framing, int documents, String copyOf) {
    public ClickObject {
        requireNonNull(key, "key");
        requireNonNull(framing, "framing");
    }
}
