package io.tidemark.landing;

import static io.tidemark.testing.Compress.concat;
import static io.tidemark.testing.Compress.gzip;
import static io.tidemark.testing.Compress.gzipMembers;
import static io.tidemark.testing.Compress.utf8;
import static io.tidemark.testing.Compress.zip;
import static io.tidemark.testing.Compress.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class ObjectDecompressorTest {

    private static String decode(byte[] object) throws IOException {
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(object))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void uncompressedContentIsReturnedAsIs() throws IOException {
        assertThat(decode(utf8("{\"a\":1}\n{\"a\":2}"))).isEqualTo("{\"a\":1}\n{\"a\":2}");
    }

    @Test
    void emptyObjectYieldsNothing() throws IOException {
        assertThat(decode(new byte[0])).isEmpty();
    }

    @Test
    void singleByteObjectIsReturnedAsIs() throws IOException {
        assertThat(decode(utf8("x"))).isEqualTo("x");
    }

    @Test
    void gzipSingleMember() throws IOException {
        assertThat(decode(gzip("hello"))).isEqualTo("hello");
    }

    @Test
    void gzipConcatenatedMembersAreAllRead() throws IOException {
        assertThat(decode(gzipMembers("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"))).isEqualTo("{\"n\":1}{\"n\":2}{\"n\":3}");
    }

    @Test
    void gzipInsideGzipIsDecompressedTwice() throws IOException {
        byte[] inner = gzipMembers("{\"n\":1}", "{\"n\":2}");
        assertThat(decode(gzip(inner))).isEqualTo("{\"n\":1}{\"n\":2}");
    }

    @Test
    void zlib78daAnd789c() throws IOException {
        byte[] z = zlib(utf8("{\"zlib\":true}"));
        assertThat(Arrays.copyOf(z, 2)).containsExactly(0x78, 0x9c);
        assertThat(decode(z)).isEqualTo("{\"zlib\":true}");
    }

    @Test
    void zipEntriesAreConcatenatedInOrder() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("a.json", "{\"e\":1}\n");
        entries.put("dir/", "");
        entries.put("b.json", "{\"e\":2}\n");
        assertThat(decode(zip(entries))).isEqualTo("{\"e\":1}\n{\"e\":2}\n");
    }

    @Test
    void concatenatedMembersAreReadEvenWhenTheSourceReportsNothingAvailable() throws IOException {
        byte[] object = gzipMembers("first;", "second;", "third;");
        InputStream networkLike = new FilterInputStream(new ByteArrayInputStream(object)) {
            @Override
            public int available() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        try (InputStream in = ObjectDecompressor.open(networkLike)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first;second;third;");
        }
    }

    @Test
    void truncatedGzipFailsWithEofAfterTheCompleteMembers() throws IOException {
        byte[] two = gzipMembers("{\"n\":1}", "{\"n\":2}");
        byte[] third = gzip("{\"n\":3, \"padding\":\"" + "x".repeat(200) + "\"}");
        byte[] cut = concat(two, Arrays.copyOf(third, third.length / 2));
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(cut))) {
            byte[] buffer = new byte[14];
            assertThat(in.readNBytes(buffer, 0, 14)).isEqualTo(14);
            assertThat(new String(buffer, StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}{\"n\":2}");
            assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void gzipMagicWithABadHeaderIsAZipException() {
        byte[] bad = {0x1f, (byte) 0x8b, 0x05, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
        assertThatThrownBy(() -> decode(bad)).isInstanceOf(ZipException.class);
    }

    @Test
    void zlibMagicWithGarbageIsAZipException() {
        byte[] bad = {0x78, (byte) 0x9c, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00, 0x12};
        assertThatThrownBy(() -> decode(bad)).isInstanceOf(ZipException.class);
    }

    @Test
    void bytesAfterTheLastMemberThatAreNotAMemberAreAnError() throws IOException {
        byte[] object = concat(gzipMembers("one;", "two;"), utf8("trailing garbage"));
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(object))) {
            byte[] buffer = new byte[8];
            assertThat(in.readNBytes(buffer, 0, 8)).isEqualTo(8);
            assertThat(new String(buffer, StandardCharsets.UTF_8)).isEqualTo("one;two;");
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ZipException.class)
                    .hasMessage("gzip member 3 does not start with 1f 8b but with 74 72 (trailing bytes after member 2)");
        }
    }

    @Test
    void objectCutInsideTheNextMembersHeaderIsAnEarlyEnd() throws IOException {
        byte[] object = concat(gzipMembers("one;", "two;"), Arrays.copyOf(gzip("three;"), 5));
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(object))) {
            assertThat(new String(in.readNBytes(8), StandardCharsets.UTF_8)).isEqualTo("one;two;");
            assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class)
                    .hasMessage("Unexpected end of gzip header of member 3");
        }
    }

    @Test
    void corruptedCrcIsDetected() {
        byte[] member = gzip("payload");
        member[member.length - 8] ^= 0x01;
        assertThatThrownBy(() -> decode(member)).isInstanceOf(ZipException.class)
                .hasMessage("gzip member 1 fails its CRC check");
    }

    @Test
    void gzipHeaderWithFileNameAndCommentIsSkipped() throws IOException {
        byte[] plain = gzip("named");
        byte[] extras = utf8("file.json\0a comment\0");
        byte[] named = concat(Arrays.copyOf(plain, 10), extras, Arrays.copyOfRange(plain, 10, plain.length));
        named[3] = 8 | 16;
        assertThat(decode(concat(named, gzip(" and plain")))).isEqualTo("named and plain");
    }
}
