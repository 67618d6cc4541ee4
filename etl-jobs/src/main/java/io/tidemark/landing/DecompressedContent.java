package io.tidemark.landing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a landed object's bytes with {@link ObjectDecompressor} for a reader, without taking ownership of them:
 * a compression that fails at its very start is quarantined (never thrown), the decompressors are released after.
 */
final class DecompressedContent {
    /** Reads decompressed content. */
    interface Reader {
        void read(InputStream content) throws IOException;
    }

    /** Receives the failure of an object whose compression cannot even be opened. */
    interface Unopenable {
        void quarantine(ReadFailure failure);
    }

    private DecompressedContent() {
    }

    /** @param raw the object's bytes as stored; not closed here */
    static void read(InputStream raw, Reader reader, Unopenable unopenable) throws IOException {
        InputStream content;
        try {
            content = ObjectDecompressor.open(new FilterInputStream(raw) {
                @Override
                public void close() {
                    // the caller owns raw; closing the decompressors only releases their inflaters
                }
            });
        } catch (IOException e) {
            unopenable.quarantine(ReadFailure.classify(e, 0).orElseThrow(() -> e));
            return;
        }
        try {
            reader.read(content);
        } finally {
            try {
                content.close();
            } catch (IOException | RuntimeException e) {
                // nothing was lost: every byte that could be read has been handled
            }
        }
    }
}
