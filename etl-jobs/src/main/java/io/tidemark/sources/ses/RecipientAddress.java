package io.tidemark.sources.ses;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A recipient address, normalized: the part inside angle brackets when a display name is present
 * ({@code Jane <jane@example.com>}), trimmed and lower-cased. Only its hash leaves the parser.
 *
 * @param normalized the trimmed, lower-cased address
 */
public record RecipientAddress(String normalized) {

    /** The address in {@code text}, or empty when there is none (blank, or an empty {@code <>}). */
    public static Optional<RecipientAddress> of(String text) {
        String address = text;
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = text.substring(open + 1, close);
        }
        address = address.strip().toLowerCase(Locale.ROOT);
        return address.isEmpty() ? Optional.empty() : Optional.of(new RecipientAddress(address));
    }

    /** SHA-256 hex (64 lower-case digits) of the normalized address: the {@code recipient_hash} column. */
    public String hash() {
        return DigestUtils.sha256Hex(normalized);
    }
}
