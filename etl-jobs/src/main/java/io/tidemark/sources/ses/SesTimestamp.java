package io.tidemark.sources.ses;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** SES timestamps: ISO-8601 instants ({@code 2024-03-05T17:00:01.120Z}); an explicit offset is accepted too. */
final class SesTimestamp {
    private SesTimestamp() {
    }

    /** The instant, or empty when the text is not an ISO-8601 date-time with a zone (Z or an offset). */
    static Optional<Instant> parse(String text) {
        String trimmed = text.strip();
        try {
            return Optional.of(Instant.parse(trimmed));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException notAnOffsetDateTime) {
                return Optional.empty();
            }
        }
    }
}
