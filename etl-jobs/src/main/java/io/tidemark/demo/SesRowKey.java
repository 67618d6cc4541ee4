package io.tidemark.demo;

import java.time.Instant;

/**
 * The dedup key of one expected {@code ses_events} row, as the generator wrote it.
 *
 * @param recipient the normalized (trimmed, lower-cased) address; its SHA-256 is the row's recipient_hash
 */
public record SesRowKey(String messageId, String eventType, String recipient, Instant eventTime) {
}
