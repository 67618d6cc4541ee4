package io.tidemark.landing;

import java.util.Arrays;

/**
 * The bytes of one record being framed, kept only up to a limit: beyond it the record is only counted,
 * so that an oversized record never sits in memory whole.
 */
final class BoundedBytes {
    /** Bytes given to {@link RawPrefix#printable} for a quarantine excerpt (enough for its 1024 characters). */
    static final int PREFIX_BYTES = 4 * RawPrefix.MAX_CHARS;

    private final int limit;
    private byte[] bytes = new byte[256];
    private int kept;
    private long length;

    BoundedBytes(int limit) {
        this.limit = limit;
    }

    void reset() {
        kept = 0;
        length = 0;
        if (bytes.length > 1 << 20) {
            bytes = new byte[256];
        }
    }

    void append(int b) {
        length++;
        if (kept < limit) {
            if (kept == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, 2L * bytes.length));
            }
            bytes[kept++] = (byte) b;
        }
    }

    /** Bytes appended since the last reset, kept or not. */
    long length() {
        return length;
    }

    boolean oversized() {
        return length > limit;
    }

    /** The kept bytes (the whole record unless oversized); valid up to {@link #kept()}. */
    byte[] bytes() {
        return bytes;
    }

    int kept() {
        return kept;
    }

    /** A printable excerpt of the start of the record, for quarantine records. */
    String prefix() {
        return RawPrefix.printable(bytes, Math.min(kept, PREFIX_BYTES));
    }
}
