package io.tidemark.landing;

/** Receives what a {@link LineReader} reads out of one object, in object order. */
public interface LineHandler {
    void line(TextLine line);

    /**
     * A line (or the rest of the object) that cannot be read.
     *
     * @param raw the raw text, possibly shortened (at most {@link RawPrefix#MAX_CHARS} characters)
     */
    void quarantine(long offset, ReasonCode reason, String detail, String raw);
}
