package io.tidemark.landing;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Wraps a third-party decoder (snappy) so that its errors read like the other decoders': an error of the stored
 * bytes' source propagates unchanged (storage failure), an early end stays an {@link EOFException}, and any other
 * decoder error becomes a {@link ZipException} (bad data).
 */
final class DecoderErrorsInputStream extends FilterInputStream {
    private final SourceFailures source;

    DecoderErrorsInputStream(InputStream decoder, SourceFailures source) {
        super(decoder);
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    IOException translate(IOException e) {
        if (source.failure() != null || e instanceof EOFException || e instanceof ZipException) {
            return e;
        }
        ZipException bad = new ZipException(e.getMessage());
        bad.initCause(e);
        return bad;
    }

    /** Remembers the first failure of the stream a decoder reads from. */
    static final class SourceFailures extends FilterInputStream {
        private IOException failure;

        SourceFailures(InputStream in) {
            super(in);
        }

        IOException failure() {
            return failure;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
