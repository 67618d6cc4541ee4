package io.tidemark.landing;

import static io.tidemark.testing.Compress.concat;
import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.gzipMembers;
import static io.tidemark.testing.Compress.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonDocumentReaderTest {
    private final JsonDocumentReader reader = new JsonDocumentReader(200);
    private final RecordingDocuments out = new RecordingDocuments();

    private void read(byte[] object) throws IOException {
        reader.readObject(new ByteArrayInputStream(object), out);
    }

    private void read(String object) throws IOException {
        read(utf8(object));
    }

    @Test
    void concatenatedWithoutSeparatorKeepsRawTextAndOrdinals() throws IOException {
        read("{\"a\":1}{\"a\":\"}{\"}{ \"b\" : [1, {\"c\":null}] }");
        assertThat(out.raws()).containsExactly("{\"a\":1}", "{\"a\":\"}{\"}", "{ \"b\" : [1, {\"c\":null}] }");
        assertThat(out.offsets()).containsExactly(0L, 1L, 2L);
        assertThat(out.documents.get(1).node().get("a").asText()).isEqualTo("}{");
        assertThat(out.quarantined).isEmpty();
    }

    @Test
    void lfCrlfBlankLinesAndNoFinalNewline() throws IOException {
        read("{\"n\":1}\n{\"n\":2}\r\n\r\n\n  \t\n{\"n\":3}\r\n{\"n\":4}");
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
        assertThat(out.offsets()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(out.quarantined).isEmpty();
    }

    @Test
    void finalNewlineAndUtf8BomAndEscapedQuotes() throws IOException {
        read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"s\":\"a\\\"}\\\\\",\"e\":\"\u00e9\uD83D\uDE00\"}\n")));
        assertThat(out.documents).singleElement().satisfies(d -> {
            assertThat(d.node().get("s").asText()).isEqualTo("a\"}\\");
            assertThat(d.node().get("e").asText()).isEqualTo("\u00e9\uD83D\uDE00");
            assertThat(d.rawText()).isEqualTo("{\"s\":\"a\\\"}\\\\\",\"e\":\"\u00e9\uD83D\uDE00\"}");
        });
        assertThat(out.quarantined).isEmpty();
    }

    @Test
    void gzipMembersEachHoldingDocuments() throws IOException {
        read(gzipMembers("{\"n\":1}", "{\"n\":2}\n{\"n\":3}\n"));
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void topLevelArrayElementsAreRecords() throws IOException {
        read("[{\"n\":1}, {\"n\":2} ,{\"n\":3}]\n{\"n\":4}\n[]\n[ {\"n\":5} ]");
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        assertThat(out.offsets()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(out.quarantined).isEmpty();
    }

    @Test
    void nonObjectValuesAreSchemaMismatch() throws IOException {
        read("\"just a string\"\n42\n{\"n\":1}\n[7, {\"n\":2}, [1]]\ntrue");
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(out.offsets()).containsExactly(2L, 4L);
        assertThat(out.quarantined).extracting(RecordingDocuments.Quarantined::reason).containsOnly(ReasonCode.SCHEMA_MISMATCH);
        assertThat(out.quarantined).extracting(RecordingDocuments.Quarantined::offset).containsExactly(0L, 1L, 3L, 5L, 6L);
        assertThat(out.quarantined).extracting(RecordingDocuments.Quarantined::raw)
                .containsExactly("\"just a string\"", "42", "7", "[1]", "true");
        assertThat(out.quarantined.get(0).detail()).isEqualTo("Cannot read record 0: a top-level JSON string is not an object");
    }

    @Test
    void malformedLineIsQuarantinedAndReadingResumesAtTheNextObjectLine() throws IOException {
        read("{\"n\":1}\n{\"n\":2,,\"x\":3}\n{\"n\":3}\n");
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":3}");
        assertThat(out.offsets()).containsExactly(0L, 2L);
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.detail()).startsWith("Cannot parse record: Unexpected character (',' (code 44))")
                    .contains("at byte 16 of the object (record starts '{\"n\":2,,\"x\":3}')")
                    .endsWith("; skipped 15 bytes to the next line starting with '{'");
            assertThat(q.raw()).as("the broken line, from its start").isEqualTo("{\"n\":2,,\"x\":3}\n");
        });
    }

    @Test
    void unbalancedRecordResumesInsideWhatWasFramed() throws IOException {
        // lines cut short: an unterminated string, an unclosed object; each ends at its line, the lines after them come out
        read("{\"a\":\"open}\n{\"n\":2}\n{\"b\":1\n{\"n\":3}\n{\"n\":4}");
        assertThat(out.raws()).containsExactly("{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
        assertThat(out.offsets()).containsExactly(1L, 3L, 4L);
        assertThat(out.reasons()).containsExactly(ReasonCode.MALFORMED_JSON, ReasonCode.MALFORMED_JSON);
        assertThat(out.quarantined.get(0).detail()).contains("Illegal unquoted character");
    }

    @Test
    void lineCutShortInsideANestedObjectEndsAtItsLineAndTheNextRecordIsKept() throws IOException {
        // issue 10 item 2: SES NDJSON, a Delivery line cut short inside "mail", then a valid Open event
        String broken = "{\"eventType\": \"Delivery\", \"mail\": {\"messageId\": \"x\"";
        String open = "{\"eventType\":\"Open\",\"mail\":{\"messageId\":\"y\"}}";
        read(broken + "\n" + open + "\n{\"eventType\":\"Click\"}\n");
        assertThat(out.raws()).containsExactly(open, "{\"eventType\":\"Click\"}");
        assertThat(out.offsets()).containsExactly(1L, 2L);
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
            assertThat(q.offset()).isZero();
            assertThat(q.raw()).isEqualTo(broken + "\n");
        });
    }

    @Test
    void lineCutShortBeforeMoreThanTheRecordLimitOfValidLinesLosesNothingElse() throws IOException {
        StringBuilder object = new StringBuilder("{\"a\": {\"b\": 1\n");
        for (int n = 0; n < 40; n++) {
            object.append("{\"n\":").append(n).append("}\n");
        }
        read(object.toString());
        assertThat(out.documents).hasSize(40);
        assertThat(out.reasons()).containsExactly(ReasonCode.MALFORMED_JSON);
    }

    @Test
    void malformedWithoutLineStructureDropsTheRest() throws IOException {
        read("{\"n\":1}{\"n\":[}{\"n\":3}");
        assertThat(out.raws()).containsExactly("{\"n\":1}");
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
            assertThat(q.detail()).contains("Unexpected close marker '}'")
                    .endsWith("; no later line starts with '{', so the rest of the object (7 bytes) is dropped");
            assertThat(q.raw()).isEqualTo("{\"n\":3}");
        });
    }

    @Test
    void garbageIsCorruptCompression() throws IOException {
        read(new byte[] {0x03, (byte) 0xfe, 0x41, 0x42});
        assertThat(out.documents).isEmpty();
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.CORRUPT_COMPRESSION);
            assertThat(q.detail()).isEqualTo("Cannot read object: it is neither gzip, zlib, zip nor JSON (first content byte 0x03)");
            assertThat(q.raw()).isEqualTo("..AB");
        });
    }

    @Test
    void garbageTokenAfterContentIsMalformed() throws IOException {
        read("{\"n\":1}\nhello world\n{\"n\":2}");
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(out.reasons()).containsExactly(ReasonCode.MALFORMED_JSON);
        assertThat(out.quarantined.get(0).detail()).startsWith("Cannot parse record: Unrecognized token 'hello'");
    }

    @Test
    void truncatedGzipMemberKeepsEarlierDocuments() throws IOException {
        byte[] second = gzip("{\"n\":3,\"pad\":\"" + "x".repeat(300) + "\"}\n");
        read(concat(gzip("{\"n\":1}\n{\"n\":2}\n"), Arrays.copyOf(second, second.length / 2)));
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(2L);
            assertThat(q.detail()).startsWith("Cannot decompress object: it ends early after ");
        });
    }

    @Test
    void objectEndingInsideADocumentIsTruncated() throws IOException {
        read("{\"n\":1}\n{\"n\":2,\"s\":\"abc");
        assertThat(out.raws()).containsExactly("{\"n\":1}");
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.TRUNCATED_OBJECT);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.detail()).isEqualTo("Cannot read object: it ends inside record 1 after 15 of its bytes; that record is lost");
            assertThat(q.raw()).isEqualTo("{\"n\":2,\"s\":\"abc");
        });
    }

    @Test
    void objectEndingInsideATopLevelArrayIsTruncated() throws IOException {
        read("[{\"n\":1},");
        assertThat(out.raws()).containsExactly("{\"n\":1}");
        assertThat(out.reasons()).containsExactly(ReasonCode.TRUNCATED_OBJECT);
    }

    @Test
    void gzipHeaderOnlyIsCorruptCompression() throws IOException {
        read(Arrays.copyOf(gzip("{\"n\":1}"), 5));
        assertThat(out.documents).isEmpty();
        assertThat(out.reasons()).containsExactly(ReasonCode.CORRUPT_COMPRESSION);
    }

    @Test
    void oversizedDocumentInTheMiddleIsQuarantinedWithAPrefixAndReadingGoesOn() throws IOException {
        String big = "{\"big\":\"" + "y".repeat(5_000) + "\",\"nested\":{\"s\":\"}{\"}}";
        read("{\"n\":1}\n" + big + "{\"n\":2}\n");
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(out.offsets()).containsExactly(0L, 2L);
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.OVERSIZED_RECORD);
            assertThat(q.offset()).isEqualTo(1L);
            assertThat(q.detail()).startsWith("Cannot keep record 1: it is " + big.length() + " bytes, more than the limit of 200");
            assertThat(q.raw()).isEqualTo(big.substring(0, 200));
        });
    }

    @Test
    void oversizedDocumentIsNeverHeldWhole() throws IOException {
        // 64 MB streamed through a 1 KB limit: only the limit is buffered
        long size = 64L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size + 9) {
                    return -1;
                }
                int n = 0;
                while (n < len && position < size + 9) {
                    long p = position++;
                    b[off + n++] = (byte) (p < 8 ? "{\"s\":\"xx".charAt((int) p) : p < size ? 'x' : p == size ? '"' : p == size + 1 ? '}'
                            : "{\"n\":1}".charAt((int) (p - size - 2)));
                }
                return n;
            }
        };
        new JsonDocumentReader(1024).readObject(huge, out);
        assertThat(out.reasons()).containsExactly(ReasonCode.OVERSIZED_RECORD);
        assertThat(out.raws()).containsExactly("{\"n\":1}");
    }

    @Test
    void emptyAndWhitespaceObjectsYieldNothing() throws IOException {
        read(new byte[0]);
        read(gzip(new byte[0]));
        read("\r\n \n");
        assertThat(out.documents).isEmpty();
        assertThat(out.quarantined).isEmpty();
    }

    @Test
    void objectsOnlyRejectsArraysAsMalformed() throws IOException {
        JsonDocumentReader envelopes = JsonDocumentReader.objectsOnly("envelope", 1000);
        envelopes.readObject(new ByteArrayInputStream(utf8("{\"n\":1}\n[{\"n\":2}]\n{\"n\":3}")), out);
        assertThat(out.raws()).containsExactly("{\"n\":1}", "{\"n\":3}");
        assertThat(out.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
            assertThat(q.detail()).isEqualTo("Cannot parse envelope: expected '{' starting an envelope, found START_ARRAY");
        });
    }

    @Test
    void storageFailuresPropagate() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> reader.readObject(failing, out)).isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    @Test
    void nonPositiveLimitIsRejected() {
        assertThatThrownBy(() -> new JsonDocumentReader(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot create JSON reader: maxDocumentBytes must be positive, was 0");
    }
}
