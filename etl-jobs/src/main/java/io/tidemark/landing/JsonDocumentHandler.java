package io.tidemark.landing;

/** Receives what a {@link JsonDocumentReader} frames out of one object, in object order. */
public interface JsonDocumentHandler {
    /** A well-formed JSON object. */
    void document(JsonDocument document);

    /**
     * A record (or the rest of the object) that cannot be framed or parsed.
     *
     * @param offset the ordinal the record would have had
     * @param raw    the raw text, possibly shortened (at most {@link RawPrefix#MAX_CHARS} characters)
     */
    void quarantine(long offset, ReasonCode reason, String detail, String raw);
}
