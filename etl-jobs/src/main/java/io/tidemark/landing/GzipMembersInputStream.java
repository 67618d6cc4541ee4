package io.tidemark.landing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a sequence of concatenated gzip members (RFC 1952), strictly: unlike
 * {@link java.util.zip.GZIPInputStream}, which silently stops at bytes after a member that do not
 * form a valid header (trailing garbage, or an object cut inside the next member's header), this
 * stream reports them: {@link EOFException} when the object ends inside a member, header or trailer,
 * {@link ZipException} for bytes that are not a gzip member or fail the member's CRC or size check.
 *
 * <p>Why not a library, measured on concatenated members: {@link java.util.zip.GZIPInputStream} (JDK 17) returns
 * only the first member when the object is cut inside the second member's trailer, and ignores trailing garbage or an
 * object cut inside the next member's header, all without an error (silent loss). commons-compress 1.28's
 * {@code GzipCompressorInputStream(in, true)} detects all of these, but reports bad data as a plain
 * {@code IOException} ("Unexpected data after a valid .gz stream.", "Gzip-compressed data is corrupt (CRC32
 * error).") that {@link ReadFailure} cannot tell from a storage failure without a wrapper, an early end as an
 * {@code EOFException} with no message, and never says which member failed, which the quarantine detail gives
 * ("gzip member 3 does not start with 1f 8b ... (trailing bytes after member 2)"). The inflating is the JDK's
 * {@link Inflater}; only the member framing and its checks are written here.
 */
final class GzipMembersInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final PushbackInputStream in;
    private final byte[] input;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int inputLength;
    private int member;
    private boolean inMember;
    private boolean finished;

    /** Reads the first member's header at once, so that a bad header fails here. */
    GzipMembersInputStream(InputStream in, int bufferSize) throws IOException {
        this.input = new byte[bufferSize];
        this.in = new PushbackInputStream(in, bufferSize);
        readHeader();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!finished) {
            if (!inMember && !startNextMember()) {
                finished = true;
                break;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("gzip member " + member + " has invalid deflate data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                readTrailer();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("gzip member " + member + " asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                inputLength = in.read(input, 0, input.length);
                if (inputLength < 0) {
                    throw new EOFException("Unexpected end of gzip member " + member);
                }
                inflater.setInput(input, 0, inputLength);
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    private boolean startNextMember() throws IOException {
        int next = in.read();
        if (next < 0) {
            return false;
        }
        in.unread(next);
        readHeader();
        return true;
    }

    private void readHeader() throws IOException {
        member++;
        int id1 = readByte("header");
        int id2 = readByte("header");
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new ZipException(String.format("gzip member %d does not start with 1f 8b but with %02x %02x"
                    + (member > 1 ? " (trailing bytes after member %d)" : ""), member, id1, id2, member - 1));
        }
        int method = readByte("header");
        if (method != 8) {
            throw new ZipException("gzip member " + member + " uses unsupported compression method " + method);
        }
        int flags = readByte("header");
        skip(6, "header");
        if ((flags & FEXTRA) != 0) {
            skip(readByte("header") | readByte("header") << 8, "extra field");
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated("file name");
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated("comment");
        }
        if ((flags & FHCRC) != 0) {
            skip(2, "header");
        }
        inflater.reset();
        crc.reset();
        inMember = true;
    }

    private void readTrailer() throws IOException {
        int remaining = inflater.getRemaining();
        if (remaining > 0) {
            in.unread(input, inputLength - remaining, remaining);
        }
        long expectedCrc = readInt32("trailer");
        long expectedSize = readInt32("trailer");
        if (expectedCrc != crc.getValue()) {
            throw new ZipException("gzip member " + member + " fails its CRC check");
        }
        if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("gzip member " + member + " fails its size check");
        }
        inMember = false;
    }

    private long readInt32(String part) throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) readByte(part) << (8 * i);
        }
        return value;
    }

    private void skip(int n, String part) throws IOException {
        for (int i = 0; i < n; i++) {
            readByte(part);
        }
    }

    private void skipZeroTerminated(String part) throws IOException {
        while (readByte(part) != 0) {
            // skip
        }
    }

    private int readByte(String part) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("Unexpected end of gzip " + part + " of member " + member);
        }
        return b;
    }
}
