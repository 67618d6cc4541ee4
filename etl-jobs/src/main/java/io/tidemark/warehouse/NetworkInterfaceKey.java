package io.tidemark.warehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The surrogate key of {@code dim_network_interface}: the first 8 bytes of SHA-256 of
 * {@code account_id + "/" + interface_id} (UTF-8), read as a big-endian signed long. Deterministic, so reruns and
 * both dialects agree without an IDENTITY column.
 */
public final class NetworkInterfaceKey {
    private NetworkInterfaceKey() {
    }

    public static long of(String accountId, String interfaceId) {
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(interfaceId, "interfaceId is null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "/" + interfaceId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
