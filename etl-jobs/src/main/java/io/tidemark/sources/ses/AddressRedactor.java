package io.tidemark.sources.ses;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps recipient addresses out of stored text: removes the event's own recipient addresses (plain or URL-encoded,
 * any case) from every text value, and anything shaped like an e-mail address from free text (links, user agents,
 * error messages, quarantine details).
 */
final class AddressRedactor {
    static final String REDACTED = "[redacted]";
    private static final Pattern EMAIL_SHAPED =
            Pattern.compile("[A-Za-z0-9._%+\\-]+(?:@|%40)[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");

    private final List<Pattern> recipients;

    AddressRedactor(Collection<RecipientAddress> recipients) {
        this.recipients = recipients.stream()
                .flatMap(r -> List.of(r.normalized(), r.normalized().replace("@", "%40")).stream())
                .map(a -> Pattern.compile(Pattern.quote(a), Pattern.CASE_INSENSITIVE))
                .toList();
    }

    static AddressRedactor none() {
        return new AddressRedactor(List.of());
    }

    /** Removes the event's recipient addresses only (for identifiers such as ARNs, which may name the sender). */
    String identifier(String value) {
        if (value == null) {
            return null;
        }
        String result = value;
        for (Pattern recipient : recipients) {
            result = recipient.matcher(result).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        return result;
    }

    /** Removes the event's recipient addresses and anything shaped like an e-mail address. */
    String freeText(String value) {
        String result = identifier(value);
        return result == null ? null : EMAIL_SHAPED.matcher(result).replaceAll(Matcher.quoteReplacement(REDACTED));
    }
}
