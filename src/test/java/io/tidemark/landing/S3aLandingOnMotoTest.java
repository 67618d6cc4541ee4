package io.tidemark.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.config.LandingLayout;
import io.tidemark.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Landing on S3 through S3A ({@code s3a://}) against the AWS API emulator: listing by Firehose hour prefix, the
 * ETag as the object's version in the ledger, and reads pinned to the listed ETag.
 */
class S3aLandingOnMotoTest {
    private static final String ROOT = "s3a://landing-s3a-test";
    private static final LandingWindow HOUR_10 = LandingWindow.hour(LocalDate.of(2026, 11, 24), 10);

    private static MotoServer moto;
    private static Configuration conf;
    private static FileSystem fs;

    @BeforeAll
    static void start() throws IOException {
        moto = MotoServer.start();
        moto.createBucket("landing-s3a-test");
        conf = new Configuration();
        moto.s3aSettings().forEach(conf::set);
        conf.set("fs.s3a.impl.disable.cache", "true");
        fs = FileSystem.get(URI.create(ROOT + "/"), conf);
    }

    @AfterAll
    static void stop() throws IOException {
        if (fs != null) {
            fs.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    void listsTheFirehoseHourWithTheS3EtagAsVersion() throws IOException {
        put("cwlogs/2026/11/24/10/a", "first object");
        put("cwlogs/2026/11/24/10/b", "second object");
        put("cwlogs/2026/11/24/11/c", "next hour");
        put("cwlogs/processing-failed/2026/11/24/10/d", "error output");

        List<LandingObject> listed = list();

        assertThat(listed).extracting(LandingObject::uri).containsExactly(ROOT + "/cwlogs/2026/11/24/10/a",
                ROOT + "/cwlogs/2026/11/24/10/b", ROOT + "/cwlogs/processing-failed/2026/11/24/10/d");
        assertThat(listed).allSatisfy(o -> assertThat(o.version()).startsWith("etag:"));
        assertThat(listed.get(0).etag()).contains(md5Hex("first object"));

        // the ledger's identity follows the content: the same bytes again are the same object, other bytes a new one
        String before = listed.get(0).identity();
        put("cwlogs/2026/11/24/10/a", "first object");
        assertThat(list().get(0).identity()).isEqualTo(before);
        put("cwlogs/2026/11/24/10/a", "first OBJECT");
        assertThat(list().get(0).identity()).isNotEqualTo(before);
    }

    @Test
    void aReadIsPinnedToTheListedEtag() throws IOException {
        put("cwlogs/2026/11/24/10/pinned", "as listed");
        LandingObject listed = list().stream().filter(o -> o.uri().endsWith("/pinned")).findFirst().orElseThrow();
        try (ListedObjectStream in = ListedObjectStream.open(conf, listed)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("as listed");
            assertThat(in.changed()).isFalse();
        }

        put("cwlogs/2026/11/24/10/pinned", "rewritten"); // same size, other bytes: only the ETag tells
        try (ListedObjectStream in = ListedObjectStream.open(conf, listed)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
            assertThat(in.changed()).as("the failed read is recognised as a change since the listing").isTrue();
        }
    }

    private static List<LandingObject> list() {
        return new ObjectDiscovery(conf).list(ROOT, new io.tidemark.config.JobSpecs().get("cwlogs"), HOUR_10);
    }

    private static void put(String key, String content) throws IOException {
        try (OutputStream out = fs.create(new Path(ROOT + "/" + key), true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String md5Hex(String content) {
        try (InputStream ignored = InputStream.nullInputStream()) {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
