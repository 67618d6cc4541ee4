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

class CsvRecordReaderTest {
    private final List<CsvRecord> records = new ArrayList<>();
    private final List<RecordingDocuments.Quarantined> quarantined = new ArrayList<>();
    private final CsvRecordHandler handler = new CsvRecordHandler() {
        @Override
        public void record(CsvRecord record) {
            records.add(record);
        }

        @Override
        public void quarantine(long offset, ReasonCode reason, String detail, String raw) {
            quarantined.add(new RecordingDocuments.Quarantined(offset, reason, detail, raw));
        }
    };

    private void read(int maxRecordBytes, byte[] object) throws IOException {
        new CsvRecordReader(maxRecordBytes).readObject(new ByteArrayInputStream(object), handler);
    }

    private List<List<String>> fields() {
        return records.stream().map(CsvRecord::fields).toList();
    }

    @Test
    void quotingLineEndsBlankLinesBomAndNoFinalNewline() throws IOException {
        read(1024, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n  \n\"multi\nline\",NULL,\"NULL\"\rx,\"a\r\nb\"\n\n last , \u00e9")));

        assertThat(fields()).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("multi\nline", "NULL", "NULL"),
                List.of("x", "a\r\nb"), List.of(" last ", " \u00e9"));
        assertThat(records.get(1).quoted()).containsExactly(true, false, true);
        assertThat(records).extracting(CsvRecord::offset).containsExactly(0L, 1L, 2L, 3L);
        assertThat(records.get(1).raw()).isEqualTo("\"multi\nline\",NULL,\"NULL\"");
        assertThat(quarantined).isEmpty();
    }

    @Test
    void emptyObjectsAndEmptyFields() throws IOException {
        read(1024, new byte[0]);
        read(1024, gzip(""));
        read(1024, utf8(",,\n\"\"\n"));
        assertThat(fields()).containsExactly(List.of("", "", ""), List.of(""));
        assertThat(records.get(1).quoted()).containsExactly(true);
    }

    @Test
    void oversizedQuotedFieldIsQuarantinedAndReadingResumesAfterIt() throws IOException {
        String big = "x\n,\"\"".repeat(200_000);
        read(1024, gzip("before,1\nhuge,\"" + big + "\",end\r\nafter,2"));

        assertThat(fields()).containsExactly(List.of("before", "1"), List.of("after", "2"));
        assertThat(records).extracting(CsvRecord::offset).containsExactly(0L, 2L);
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.OVERSIZED_RECORD);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.raw()).startsWith("huge,\"x\n,").hasSizeLessThanOrEqualTo(RawPrefix.MAX_CHARS);
            assertThat(q.detail()).startsWith("Cannot keep CSV record 1: it is " + (big.length() + 11) + " bytes");
        });
    }

    @Test
    void unclosedQuoteSpoilsOnlyItsFirstLine() throws IOException {
        read(1024, utf8("1,\"open\n2,b\r\n3,c"));
        assertThat(fields()).containsExactly(List.of("2", "b"), List.of("3", "c"));
        assertThat(records).extracting(CsvRecord::offset).containsExactly(1L, 2L);
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_CSV);
            assertThat(q.raw()).isEqualTo("1,\"open");
            assertThat(q.detail()).contains("never closed");
        });
    }

    @Test
    void textAfterAClosingQuoteSpoilsOnlyItsFirstLineEvenInsideAMultiLineRecord() throws IOException {
        read(1024, utf8("1,\"a\nb\"x\n2,c\n"));
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_CSV);
            assertThat(q.raw()).isEqualTo("1,\"a");
            assertThat(q.detail()).contains("after the closing quote");
        });
        // the second line is read again on its own: a quote inside an unquoted field is text
        assertThat(fields()).containsExactly(List.of("b\"x"), List.of("2", "c"));
        assertThat(records).extracting(CsvRecord::offset).containsExactly(1L, 2L);
    }

    @Test
    void hugeQuotedFieldIsNeverHeldWhole() throws IOException {
        long size = 256L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return read(new byte[1], 0, 1) < 0 ? -1 : 'y';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) (left == size ? '"' : 'y'));
                if (left == size) {
                    Arrays.fill(b, off + 1, off + n, (byte) 'y');
                }
                left -= n;
                return n;
            }
        };
        new CsvRecordReader(1024).read(new java.io.SequenceInputStream(huge, new ByteArrayInputStream(utf8("\"\nz"))),
                handler);
        assertThat(quarantined).extracting(RecordingDocuments.Quarantined::reason).containsExactly(ReasonCode.OVERSIZED_RECORD);
        assertThat(fields()).containsExactly(List.of("z"));
    }

    @Test
    void truncatedGzipKeepsTheCompleteRecordsAndQuarantinesTheCut() throws IOException {
        byte[] second = gzip("third,\"" + "z".repeat(400) + "\"\nfourth\n");
        read(1024, concat(gzip("first\nsecond\n"), Arrays.copyOf(second, second.length / 2)));
        assertThat(fields()).containsExactly(List.of("first"), List.of("second"));
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(2L);
            assertThat(q.raw()).startsWith("third,\"zzz");
        });
    }

    @Test
    void brokenCompressionFromTheStartIsCorrupt() throws IOException {
        read(1024, new byte[] {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0x12});
        assertThat(records).isEmpty();
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
        assertThatThrownBy(() -> new CsvRecordReader(1024).readObject(failing, handler)).hasMessage("connection reset");
    }
}
