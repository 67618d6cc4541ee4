package io.tidemark.sources.reference;

import io.tidemark.landing.ObjectDecompressor;
import io.tidemark.landing.ReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * A landed object's text, decompressed (gzip, zlib, zip by magic bytes) and decoded as UTF-8. When the compressed
 * data fails part way, the text read so far is kept with the failure: CORRUPT_COMPRESSION if nothing could be read,
 * else TRUNCATED_OBJECT.
 *
 * @param text    the text read (possibly ending mid-record when failure is set)
 * @param failure the decoding failure, or null
 * @param detail  what failed, or null
 */
record ObjectText(String text, ReasonCode failure, String detail) {

    /** @throws IOException for failures of the storage itself (not of the compressed data) */
    static ObjectText read(InputStream raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            InputStream in = ObjectDecompressor.open(raw);
            in.transferTo(bytes);
            return new ObjectText(bytes.toString(StandardCharsets.UTF_8), null, null);
        } catch (EOFException | ZipException e) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            ReasonCode reason = text.isEmpty() && !(e instanceof EOFException) ? ReasonCode.CORRUPT_COMPRESSION
                    : ReasonCode.TRUNCATED_OBJECT;
            return new ObjectText(text, reason, "Cannot decompress object: " + e.getMessage() + " after "
                    + bytes.size() + " decompressed bytes");
        }
    }

    /** The text up to and including its last line break (all of it when nothing failed). */
    String completeLines() {
        if (failure == null) {
            return text;
        }
        int last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        return last < 0 ? "" : text.substring(0, last + 1);
    }

    /** The text after the last line break when the object failed: the record the failure cut. */
    String cutTail() {
        return failure == null ? "" : text.substring(completeLines().length());
    }
}
