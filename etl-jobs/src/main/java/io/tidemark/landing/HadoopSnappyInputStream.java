package io.tidemark.landing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;
import org.xerial.snappy.Snappy;

/**
 * Decompresses Hadoop's snappy block framing (Firehose {@code HADOOP_SNAPPY}): blocks of
 * [4-byte big-endian uncompressed length] then chunks of [4-byte big-endian compressed length][raw snappy data]
 * until the block's uncompressed length is reached. {@link EOFException} when the object ends inside a block,
 * {@link ZipException} for data that does not decode.
 *
 * <p>Why not Hadoop's {@code SnappyCodec} (3.3.4, on the classpath): it reads this framing, but measured on the same
 * objects it (1) returns a truncated object's bytes without any error (an object cut inside its last block reads as
 * complete: silent loss, where the quarantine needs TRUNCATED_OBJECT), (2) reports undecodable data as a plain
 * {@code IOException("FAILED_TO_UNCOMPRESS(5)")}, which {@link ReadFailure} cannot tell from a storage failure,
 * (3) fails on chunks larger than its {@code io.compression.codec.snappy.buffersize} (256 KB by default), and
 * (4) has no way to recognise the framing, which has no magic ({@link #looksLikeStart}). The decoding itself is
 * snappy-java's ({@link Snappy#uncompress}); only the framing is read here.
 */
final class HadoopSnappyInputStream extends InputStream {
    /** Largest block accepted (Hadoop writes 256 KB by default); also used to recognise the framing. */
    static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;

    private final InputStream in;
    private byte[] chunk = new byte[0];
    private int pos;
    private int blockRemaining;
    private long blocks;

    HadoopSnappyInputStream(InputStream in) {
        this.in = in;
    }

    /** True if head (at least 13 bytes) looks like the start of a Hadoop snappy block. */
    static boolean looksLikeStart(byte[] head) {
        if (head.length < 9) {
            return false;
        }
        long uncompressed = int32(head, 0);
        long compressed = int32(head, 4);
        if (uncompressed <= 0 || uncompressed > MAX_BLOCK_BYTES || compressed <= 0
                || compressed > 32 + uncompressed + uncompressed / 6) {
            return false;
        }
        long length = 0;
        for (int i = 8, shift = 0; i < head.length && shift < 35; i++, shift += 7) {
            length |= (long) (head[i] & 0x7f) << shift;
            if ((head[i] & 0x80) == 0) {
                // the first chunk's own length (snappy's varint) fits in the block, and the chunk's compressed
                // length fits snappy's worst case for it
                return length > 0 && length <= uncompressed && compressed <= 32 + length + length / 6;
            }
        }
        return false;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == chunk.length) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean nextChunk() throws IOException {
        if (blockRemaining == 0) {
            byte[] header = new byte[4];
            int n = in.readNBytes(header, 0, 4);
            if (n == 0) {
                return false;
            }
            if (n < 4) {
                throw new EOFException("Unexpected end of Hadoop snappy block header " + (blocks + 1));
            }
            long length = int32(header, 0);
            if (length < 0 || length > MAX_BLOCK_BYTES) {
                throw new ZipException("Hadoop snappy block " + (blocks + 1) + " announces " + length + " bytes");
            }
            blocks++;
            blockRemaining = (int) length;
            if (blockRemaining == 0) {
                chunk = new byte[0];
                pos = 0;
                return true;
            }
        }
        long compressedLength = int32(readFully(4, "chunk header"), 0);
        if (compressedLength <= 0 || compressedLength > 32 + 2L * MAX_BLOCK_BYTES) {
            throw new ZipException("Hadoop snappy block " + blocks + " has a chunk of " + compressedLength + " bytes");
        }
        byte[] compressed = readFully((int) compressedLength, "chunk");
        byte[] plain;
        try {
            if (!Snappy.isValidCompressedBuffer(compressed)) {
                throw new ZipException("Hadoop snappy block " + blocks + " holds invalid snappy data");
            }
            plain = Snappy.uncompress(compressed);
        } catch (ZipException e) {
            throw e;
        } catch (IOException e) {
            throw new ZipException("Hadoop snappy block " + blocks + " holds invalid snappy data: " + e.getMessage());
        }
        if (plain.length > blockRemaining) {
            throw new ZipException("Hadoop snappy block " + blocks + " decompresses to more than its announced length");
        }
        blockRemaining -= plain.length;
        chunk = plain;
        pos = 0;
        return true;
    }

    private byte[] readFully(int n, String part) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("Unexpected end of Hadoop snappy " + part + " in block " + blocks);
        }
        return bytes;
    }

    private static long int32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
