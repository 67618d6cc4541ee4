package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

/**
 * One line of a line-oriented object (flow-log lines, CSV without quoting).
 *
 * @param text   the line without its LF or CRLF
 * @param offset ordinal of the line among the object's records (0-based; blank lines are not records, oversized
 *               lines are)
 */
public record TextLine(String text, long offset) {
    public TextLine {
        requireNonNull(text, "text is null");
    }
}
