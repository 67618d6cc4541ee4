package io.tidemark.sources.cloudwatch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes delivered and remembers the first read failure, so that a failure surfacing
 * through the JSON parser can be told apart from a JSON syntax error.
 */
final class TrackedInputStream extends FilterInputStream {
    private long bytesRead;
    private IOException failure;

    TrackedInputStream(InputStream in) {
        super(in);
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The first exception thrown by the wrapped stream, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            long skipped = super.skip(n);
            bytesRead += skipped;
            return skipped;
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
