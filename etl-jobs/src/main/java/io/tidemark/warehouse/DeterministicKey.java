package io.tidemark.warehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A dimension's surrogate key: the first 8 bytes of SHA-256 of its natural key parts joined by {@code /} (UTF-8),
 * read as a big-endian signed long. Deterministic, so reruns and both dialects agree without an IDENTITY column
 * ({@code dim_item}: item_id; {@code dim_user}: user_id and the version's snapshot date).
 */
public final class DeterministicKey {
    private DeterministicKey() {
    }

    public static long of(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("Cannot derive a key from no parts");
        }
        for (String part : parts) {
            Objects.requireNonNull(part, "key part is null");
        }
        byte[] digest = DigestUtils.sha256(String.join("/", parts).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    }
}
