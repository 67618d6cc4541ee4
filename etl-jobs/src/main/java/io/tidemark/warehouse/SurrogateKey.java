package io.tidemark.warehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Deterministic surrogate keys: the first 8 bytes of SHA-256 of a natural key's text (UTF-8), read as a big-endian
 * signed long. Reruns and both dialects agree without an IDENTITY column.
 */
public final class SurrogateKey {
    private SurrogateKey() {
    }

    public static long of(String naturalKey) {
        Objects.requireNonNull(naturalKey, "naturalKey is null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
