package io.tidemark.landing;

import static io.tidemark.testing.Compress.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyFramedOutputStream;

class SnappyFramingsTest {

    private static byte[] snappyFramed(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SnappyFramedOutputStream snappy = new SnappyFramedOutputStream(out)) {
            snappy.write(utf8(text));
        }
        return out.toByteArray();
    }

    /** Hadoop snappy: one block per part, each block in chunks of at most chunkBytes uncompressed bytes. */
    private static byte[] hadoopSnappy(int chunkBytes, String... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] plain = utf8(part);
            out.writeBytes(ByteBuffer.allocate(4).putInt(plain.length).array());
            for (int at = 0; at < plain.length; at += chunkBytes) {
                byte[] compressed = Snappy.compress(Arrays.copyOfRange(plain, at, Math.min(plain.length, at + chunkBytes)));
                out.writeBytes(ByteBuffer.allocate(4).putInt(compressed.length).array());
                out.writeBytes(compressed);
            }
        }
        return out.toByteArray();
    }

    private static String decode(byte[] object) throws IOException {
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(object))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void snappyFramingFormat() throws IOException {
        String text = "{\"n\":1}\n{\"n\":2}\n" + "x".repeat(100_000);
        assertThat(decode(snappyFramed(text))).isEqualTo(text);
    }

    @Test
    void hadoopSnappyBlocksAndChunks() throws IOException {
        String first = "{\"n\":1}\n" + "a".repeat(70_000) + "\n";
        String second = "{\"n\":2}\n";
        assertThat(decode(hadoopSnappy(1 << 16, first, second))).isEqualTo(first + second);
        assertThat(decode(hadoopSnappy(10, "{\"n\":3}{\"n\":4}"))).isEqualTo("{\"n\":3}{\"n\":4}");
    }

    @Test
    void plainTextIsNotTakenForHadoopSnappy() throws IOException {
        for (String text : new String[] {"2 111122223333 eni-01 10.0.1.25", "\u0000\u0000\u0000\u0010abcdefgh", "{\"a\":1}"}) {
            assertThat(decode(utf8(text))).isEqualTo(text);
        }
    }

    @Test
    void truncatedHadoopSnappyEndsEarly() throws IOException {
        byte[] whole = hadoopSnappy(1 << 16, "{\"n\":1}\n", "{\"n\":2}\n" + "b".repeat(1000));
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 5)))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void corruptSnappyFramingIsAZipException() throws IOException {
        byte[] whole = snappyFramed("{\"n\":1}\n".repeat(50));
        byte[] bad = whole.clone();
        for (int i = 20; i < bad.length; i++) {
            bad[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> decode(bad)).isInstanceOf(ZipException.class);
    }

    @Test
    void snappyObjectsThroughTheJsonReader() throws IOException {
        RecordingDocuments out = new RecordingDocuments();
        JsonDocumentReader reader = new JsonDocumentReader(1000);
        reader.readObject(new ByteArrayInputStream(snappyFramed("{\"n\":1}{\"n\":2}")), out);
        reader.readObject(new ByteArrayInputStream(hadoopSnappy(4, "{\"n\":3}\r\n{\"n\":4}")), out);
        byte[] cut = hadoopSnappy(1 << 16, "{\"n\":5}\n", "{\"n\":6}\n");
        reader.readObject(new ByteArrayInputStream(Arrays.copyOf(cut, cut.length - 3)), out);
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        assertThat(out.reasons()).containsExactly(ReasonCode.TRUNCATED_OBJECT);
    }
}
