package io.tidemark.warehouse;

import java.util.Objects;

/**
 * The surrogate key of {@code dim_network_interface}: {@link SurrogateKey} of {@code account_id + "/" + interface_id}.
 */
public final class NetworkInterfaceKey {
    private NetworkInterfaceKey() {
    }

    public static long of(String accountId, String interfaceId) {
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(interfaceId, "interfaceId is null");
        return SurrogateKey.of(accountId + "/" + interfaceId);
    }
}
