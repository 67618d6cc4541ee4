package io.tidemark.sources.cdc;

import io.tidemark.landing.ObjectDecompressor;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.RecordSink;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * A landed text object decompressed (gzip, zlib, zip or plain, by magic bytes) into memory. When the compressed data
 * ends early or is corrupt, the text keeps what was decoded up to the last complete line; the cut is reported once.
 *
 * @param text          the decoded text, UTF-8, whole lines only when the object failed
 * @param failure       TRUNCATED_OBJECT or CORRUPT_COMPRESSION, or null when the object decoded completely
 * @param failureDetail what happened, or null
 */
record DecodedText(String text, ReasonCode failure, String failureDetail) {
    /** Reads a whole object; only storage errors (not decoding errors) propagate. */
    static DecodedText read(InputStream raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReasonCode failure = null;
        String detail = null;
        try {
            InputStream in = ObjectDecompressor.open(new NonClosing(raw));
            in.transferTo(out);
        } catch (EOFException e) {
            failure = ReasonCode.TRUNCATED_OBJECT;
            detail = "Cannot decompress object: it ends early after " + out.size() + " decoded bytes ("
                    + e.getMessage() + "); the incomplete last line is dropped";
        } catch (ZipException e) {
            failure = out.size() > 0 ? ReasonCode.TRUNCATED_OBJECT : ReasonCode.CORRUPT_COMPRESSION;
            detail = "Cannot decompress object: " + e.getMessage() + " after " + out.size()
                    + " decoded bytes; the incomplete last line is dropped";
        }
        byte[] bytes = out.toByteArray();
        int length = bytes.length;
        if (failure != null) {
            while (length > 0 && bytes[length - 1] != '\n') {
                length--;
            }
        }
        return new DecodedText(new String(bytes, 0, length, StandardCharsets.UTF_8), failure, detail);
    }

    /** Quarantines the failure, if any, at the given record offset. */
    void reportFailure(String uri, long offset, RecordSink sink) {
        if (failure != null) {
            sink.quarantine(new QuarantineRecord(uri, offset, failure, failureDetail, ""));
        }
    }

    /** Keeps the caller's stream open: the parser must not close it. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
