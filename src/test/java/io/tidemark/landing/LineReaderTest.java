package io.tidemark.landing;

import static io.tidemark.testing.Compress.concat;
import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private final List<TextLine> lines = new ArrayList<>();
    private final List<RecordingDocuments.Quarantined> quarantined = new ArrayList<>();
    private final LineHandler handler = new LineHandler() {
        @Override
        public void line(TextLine line) {
            lines.add(line);
        }

        @Override
        public void quarantine(long offset, ReasonCode reason, String detail, String raw) {
            quarantined.add(new RecordingDocuments.Quarantined(offset, reason, detail, raw));
        }
    };

    private void read(LineReader reader, byte[] object) throws IOException {
        reader.readObject(new ByteArrayInputStream(object), handler);
    }

    @Test
    void lfCrlfBlankLinesBomAndNoFinalNewline() throws IOException {
        read(new LineReader(100), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("version a b\r\n\r\n2 x y\n   \n\n2 z \u00e9\r\n2 last")));
        assertThat(lines).containsExactly(new TextLine("version a b", 0), new TextLine("2 x y", 1),
                new TextLine("2 z \u00e9", 2), new TextLine("2 last", 3));
        assertThat(quarantined).isEmpty();
    }

    @Test
    void finalNewlineAddsNoRecordAndEmptyObjectsHaveNone() throws IOException {
        read(new LineReader(100), utf8("a\nb\n"));
        read(new LineReader(100), new byte[0]);
        read(new LineReader(100), gzip(new byte[0]));
        assertThat(lines).extracting(TextLine::text).containsExactly("a", "b");
    }

    @Test
    void oversizedLineInTheMiddleKeepsAPrefixAndReadingGoesOn() throws IOException {
        String big = "x".repeat(5000);
        read(new LineReader(10), gzip("short\r\n" + big + "\r\n0123456789\r\nafter"));
        assertThat(lines).containsExactly(new TextLine("short", 0), new TextLine("0123456789", 2), new TextLine("after", 3));
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.OVERSIZED_RECORD);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.raw()).isEqualTo("x".repeat(11));
            assertThat(q.detail()).startsWith("Cannot keep line 1: it is at least 5001 bytes, more than the limit of 10");
        });
    }

    @Test
    void hugeLineIsNeverHeldWhole() throws IOException {
        long size = 256L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'y' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'y');
                left -= n;
                return n;
            }
        };
        new LineReader(1000).read(huge, handler);
        assertThat(lines).isEmpty();
        assertThat(quarantined).extracting(RecordingDocuments.Quarantined::reason).containsExactly(ReasonCode.OVERSIZED_RECORD);
    }

    @Test
    void truncatedGzipKeepsEarlierLines() throws IOException {
        byte[] second = gzip("third line " + "z".repeat(400) + "\nfourth\n");
        read(new LineReader(1000), concat(gzip("first\nsecond\n"), Arrays.copyOf(second, second.length / 2)));
        assertThat(lines).extracting(TextLine::text).containsExactly("first", "second");
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(2L);
            assertThat(q.detail()).startsWith("Cannot decompress object: it ends early after ");
        });
    }

    @Test
    void brokenCompressionFromTheStartIsCorrupt() throws IOException {
        read(new LineReader(1000), new byte[] {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0x12});
        assertThat(lines).isEmpty();
        assertThat(quarantined).extracting(RecordingDocuments.Quarantined::reason).containsExactly(ReasonCode.CORRUPT_COMPRESSION);
    }

    @Test
    void storageFailuresPropagate() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> new LineReader(10).readObject(failing, handler)).hasMessage("connection reset");
    }
}
