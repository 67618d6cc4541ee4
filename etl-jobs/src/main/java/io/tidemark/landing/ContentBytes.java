package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Byte-at-a-time access to a decompressed stream, with one byte of look-ahead and a count of the bytes
 * consumed. Reads the stream in chunks of its own, so that a failing read never swallows bytes that an
 * earlier read already returned.
 */
final class ContentBytes {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final byte[] readBuffer = new byte[CHUNK];
    private byte[] chunk = readBuffer;
    private int pos;
    private int limit;
    private boolean ended;
    private long consumed;

    ContentBytes(InputStream in) {
        this.in = in;
    }

    /** The next byte (0-255), consumed, or -1 at the end of the stream. */
    int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        consumed++;
        return chunk[pos++] & 0xff;
    }

    /** The next byte (0-255), left unconsumed, or -1 at the end of the stream. */
    int peek() throws IOException {
        return fill() ? chunk[pos] & 0xff : -1;
    }

    /** Skips a leading UTF-8 byte-order mark (call before reading anything). */
    void skipUtf8Bom() throws IOException {
        if (peek() != 0xEF) {
            return;
        }
        byte[] bom = new byte[3];
        int n = 0;
        while (n < 3 && peek() == (n == 0 ? 0xEF : n == 1 ? 0xBB : 0xBF)) {
            bom[n++] = (byte) read();
        }
        if (n < 3) {
            pushBack(bom, 0, n);
        }
    }

    /** Bytes consumed so far. */
    long consumed() {
        return consumed;
    }

    /** Puts bytes back in front of the unconsumed ones (to be read again), uncounting them. */
    void pushBack(byte[] bytes, int off, int len) {
        if (len == 0) {
            return;
        }
        byte[] combined = new byte[len + limit - pos];
        System.arraycopy(bytes, off, combined, 0, len);
        System.arraycopy(chunk, pos, combined, len, limit - pos);
        chunk = combined;
        pos = 0;
        limit = combined.length;
        consumed -= len;
    }

    private boolean fill() throws IOException {
        while (pos == limit) {
            if (ended) {
                return false;
            }
            chunk = readBuffer;
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                ended = true;
                return false;
            }
            pos = 0;
            limit = n;
        }
        return true;
    }
}
