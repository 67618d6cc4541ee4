package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Makes {@link #available()} truthful about "is there at least one more byte". {@link
 * java.util.zip.GZIPInputStream} only looks for a next concatenated member when its source reports
 * available bytes; network streams (S3) often report 0 although more data follows, which would end
 * the object silently after the first member. This stream reads one byte ahead (blocking) to answer.
 */
final class LookaheadInputStream extends PushbackInputStream {
    LookaheadInputStream(InputStream in) {
        super(in, 1);
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
}
