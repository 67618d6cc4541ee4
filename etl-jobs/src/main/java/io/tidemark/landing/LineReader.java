package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of one object for line families (flow-log lines, CSV without quoting): LF or CRLF, with or
 * without a final newline, a UTF-8 BOM skipped. Blank lines are skipped and are not records. A line longer than
 * the maximum is quarantined as OVERSIZED_RECORD with its start only, never held whole. An object whose
 * decompression fails is quarantined as TRUNCATED_OBJECT after content (CORRUPT_COMPRESSION when nothing could be
 * read). Only failures of the storage itself propagate.
 */
public final class LineReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxLineBytes;

    /** @param maxLineBytes longest line kept, in bytes (without its line end) */
    public LineReader(int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("Cannot create line reader: maxLineBytes must be positive, was " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Decompresses ({@link ObjectDecompressor}) and reads a landed object.
     *
     * @param raw the object's bytes as stored; not closed here
     */
    public void readObject(InputStream raw, LineHandler handler) throws IOException {
        DecompressedContent.read(raw, content -> read(content, handler),
                failure -> handler.quarantine(0, failure.reason(), failure.detail(), ""));
    }

    /** @param content the decompressed stream; not closed here */
    public void read(InputStream content, LineHandler handler) throws IOException {
        ContentBytes in = new ContentBytes(content);
        // one more byte than the limit, to keep a trailing CR of a line that is exactly at the limit
        BoundedBytes line = new BoundedBytes(maxLineBytes + 1);
        long ordinal = 0;
        try {
            in.skipUtf8Bom();
            while (true) {
                line.reset();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.append(b);
                }
                if (b < 0 && line.length() == 0) {
                    return;
                }
                ordinal = emit(line, ordinal, handler);
                if (b < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            ReadFailure failure = ReadFailure.classify(e, in.consumed()).orElseThrow(() -> e);
            handler.quarantine(ordinal, failure.reason(), failure.detail(), line.prefix());
        }
    }

    /** Hands on one line (without its LF); returns the next ordinal. */
    private long emit(BoundedBytes line, long ordinal, LineHandler handler) {
        long length = line.length();
        if (length > 0 && line.kept() == length && line.bytes()[line.kept() - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            handler.quarantine(ordinal, ReasonCode.OVERSIZED_RECORD, "Cannot keep line " + ordinal + ": it is at least "
                    + length + " bytes, more than the limit of " + maxLineBytes + " (raw keeps its first "
                    + RawPrefix.MAX_CHARS + " characters)", line.prefix());
            return ordinal + 1;
        }
        String text = new String(line.bytes(), 0, (int) length, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return ordinal;
        }
        handler.line(new TextLine(text, ordinal));
        return ordinal + 1;
    }
}
