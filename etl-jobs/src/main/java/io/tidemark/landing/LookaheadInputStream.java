package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A pushback stream for reading compressed data that may end badly:
 * <ul>
 *   <li>{@link #read(byte[], int, int)} returns pushed-back bytes on their own, so a failing read of
 *       the wrapped stream never swallows bytes that were already available (a
 *       {@link java.io.BufferedInputStream} can: it loops over reads and drops what it gathered when
 *       a later read of the loop throws);</li>
 *   <li>{@link #available()} is truthful about "is there at least one more byte" (it reads one byte
 *       ahead, blocking). Network streams (S3) often report 0 although more data follows; decoders
 *       that look for a next part only when bytes are available (such as
 *       {@link java.util.zip.GZIPInputStream} for concatenated members) would stop early.</li>
 * </ul>
 */
public final class LookaheadInputStream extends PushbackInputStream {
    public LookaheadInputStream(InputStream in, int pushbackSize) {
        super(in, pushbackSize);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len > 0 && pos < buf.length) {
            int n = Math.min(len, buf.length - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        return super.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        int available = super.available();
        if (available > 0) {
            return available;
        }
        int next = read();
        if (next < 0) {
            return 0;
        }
        unread(next);
        return 1;
    }

    /** The next {@code n} bytes (fewer at the end of the stream), left unread. */
    byte[] peek(int n) throws IOException {
        byte[] head = new byte[n];
        int count = 0;
        int b;
        while (count < n && (b = read()) >= 0) {
            head[count++] = (byte) b;
        }
        unread(head, 0, count);
        return java.util.Arrays.copyOf(head, count);
    }
}
