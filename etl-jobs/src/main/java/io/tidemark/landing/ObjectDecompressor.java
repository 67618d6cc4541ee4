package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipInputStream;
import org.xerial.snappy.SnappyFramedInputStream;

/**
 * Opens a landed object's bytes for reading, undoing its compression. The framing is detected from
 * the magic bytes, never from the object's name:
 * <ul>
 *   <li>gzip ({@code 1f 8b}), including several concatenated members (one per Firehose record of a
 *       CloudWatch Logs subscription) and gzip inside gzip (Firehose GZIP around CloudWatch Logs
 *       payloads that are already gzip);</li>
 *   <li>zlib ({@code 78 01}, {@code 78 5e}, {@code 78 9c}, {@code 78 da});</li>
 *   <li>zip ({@code PK 03 04}): the contents of all entries, one after the other;</li>
 *   <li>snappy framing format (Firehose {@code Snappy}; stream identifier {@code ff 06 00 00 sNaPpY});</li>
 *   <li>Hadoop snappy blocks (Firehose {@code HADOOP_SNAPPY}), which have no magic: recognised by the structure
 *       of the first block (a plausible length, a chunk length and a snappy varint that agree);</li>
 *   <li>anything else is returned as is (an empty object yields an empty stream).</li>
 * </ul>
 * Errors of the compressed data surface when reading: {@link java.io.EOFException} for an object that
 * ends too early, {@link java.util.zip.ZipException} for data that is not what its magic promised
 * (including bytes after the last gzip member that are not another member).
 */
public final class ObjectDecompressor {
    /** Compression layers unwrapped at most (gzip in gzip is 2); protects against nesting bombs. */
    static final int MAX_LAYERS = 4;
    private static final int BUFFER_SIZE = 64 * 1024;
    /** Enough to recognise the snappy framing magic and a Hadoop snappy block start. */
    private static final int MAGIC_BYTES = 16;
    private static final int INNER_MAGIC_BYTES = 2;
    private static final byte[] SNAPPY_FRAMED_MAGIC = {(byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59};

    private ObjectDecompressor() {
    }

    /**
     * @param raw the object's bytes as stored; the returned stream owns it (closing it closes raw)
     * @return the decompressed content
     * @throws IOException if the first compression header cannot be read (a bad or truncated header)
     */
    public static InputStream open(InputStream raw) throws IOException {
        LookaheadInputStream current = new LookaheadInputStream(raw, MAGIC_BYTES);
        for (int layer = 0; layer < MAX_LAYERS; layer++) {
            // inside a first layer only gzip is looked for: peeking further could reach into a later, broken
            // part of the content and fail here instead of after the good part has been read
            Framing framing = Framing.detect(current.peek(layer == 0 ? MAGIC_BYTES : INNER_MAGIC_BYTES));
            if (framing == Framing.NONE || (layer > 0 && framing != Framing.GZIP)) {
                return current;
            }
            current = new LookaheadInputStream(framing.decode(current), MAGIC_BYTES);
        }
        return current;
    }

    /** The compression framings this class recognises. */
    enum Framing {
        GZIP, ZLIB, ZIP, SNAPPY_FRAMED, HADOOP_SNAPPY, NONE;

        /** The framing announced by the first bytes of an object (fewer than 4 if the object is shorter). */
        static Framing detect(byte[] head) {
            int b0 = head.length > 0 ? head[0] & 0xff : -1;
            int b1 = head.length > 1 ? head[1] & 0xff : -1;
            int b2 = head.length > 2 ? head[2] & 0xff : -1;
            int b3 = head.length > 3 ? head[3] & 0xff : -1;
            if (b0 == 0x1f && b1 == 0x8b) {
                return GZIP;
            }
            if (b0 == 0x78 && (b1 == 0x01 || b1 == 0x5e || b1 == 0x9c || b1 == 0xda)) {
                return ZLIB;
            }
            if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
                return ZIP;
            }
            if (head.length >= SNAPPY_FRAMED_MAGIC.length
                    && java.util.Arrays.equals(head, 0, SNAPPY_FRAMED_MAGIC.length, SNAPPY_FRAMED_MAGIC, 0, SNAPPY_FRAMED_MAGIC.length)) {
                return SNAPPY_FRAMED;
            }
            if (HadoopSnappyInputStream.looksLikeStart(head)) {
                return HADOOP_SNAPPY;
            }
            return NONE;
        }

        private static InputStream zlib(InputStream in) {
            Inflater inflater = new Inflater();
            return new InflaterInputStream(in, inflater, BUFFER_SIZE) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        inflater.end();
                    }
                }
            };
        }

        private static InputStream snappyFramed(InputStream in) throws IOException {
            DecoderErrorsInputStream.SourceFailures source = new DecoderErrorsInputStream.SourceFailures(in);
            try {
                return new DecoderErrorsInputStream(new SnappyFramedInputStream(source), source);
            } catch (IOException e) {
                throw new DecoderErrorsInputStream(InputStream.nullInputStream(), source).translate(e);
            }
        }

        InputStream decode(InputStream in) throws IOException {
            return switch (this) {
                case GZIP -> new GzipMembersInputStream(in, BUFFER_SIZE);
                case ZLIB -> zlib(in);
                case ZIP -> new ZipEntriesInputStream(new ZipInputStream(in));
                case SNAPPY_FRAMED -> snappyFramed(in);
                case HADOOP_SNAPPY -> new HadoopSnappyInputStream(in);
                case NONE -> in;
            };
        }
    }
}
