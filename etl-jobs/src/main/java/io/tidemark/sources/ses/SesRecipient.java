package io.tidemark.sources.ses;

/**
 * One recipient of one event.
 *
 * @param address the normalized address (never stored)
 * @param status  the recipient's enhanced SMTP status (bounce and delivery delay lists), else null
 */
record SesRecipient(RecipientAddress address, String status) {
}
