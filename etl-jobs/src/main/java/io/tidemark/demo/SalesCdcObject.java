package io.tidemark.demo;

import static java.util.Objects.requireNonNull;

/**
 * One object the sales CDC generator wrote.
 *
 * @param key    key relative to the landing root
 * @param source aurora, dms or debezium
 * @param copyOf for a redelivered copy, the key of the original; otherwise null
 */
public record SalesCdcObject(String key, String source, String copyOf) {
    public SalesCdcObject {
        requireNonNull(key, "key");
        requireNonNull(source, "source");
    }
}
