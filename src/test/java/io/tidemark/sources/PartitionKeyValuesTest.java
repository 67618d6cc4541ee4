package io.tidemark.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.LandingPrefixes;
import io.tidemark.config.PartitionKeyColumn;
import io.tidemark.landing.LandingObject;
import io.tidemark.landing.LandingWindow;
import io.tidemark.landing.PrefixTemplate;
import io.tidemark.landing.RunContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dynamic partitioning key values are read from each object's key against the job's landing prefix. */
class PartitionKeyValuesTest {
    private static final String ROOT = "file:/landing";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final RunContext CONTEXT = new RunContext("t", "run-1", LandingWindow.day(DAY), Instant.parse("2026-11-25T00:00:00Z"));

    private static PartitionKeyReader template(String landingPrefix) {
        LandingPrefixes prefixes = LandingPrefixes.of("t", landingPrefix, "errors/!{firehose:error-output-type}/", null);
        return new PartitionKeyReader(new PrefixTemplate(prefixes.data(), prefixes.zone()),
                PartitionKeyColumn.of("t", prefixes.data().partitionKeys(), null));
    }

    private static LandedObject describe(String key, PartitionKeyReader prefix) {
        return describe(key, prefix, ErrorOutputTypeReader.NONE);
    }

    private static LandedObject describe(String key, PartitionKeyReader prefix, ErrorOutputTypeReader errorPrefix) {
        return ParsedObjectSource.describe(new LandingObject(ROOT + "/" + key, 10, "etag:x"), ROOT, CONTEXT, ZoneOffset.UTC,
                prefix, errorPrefix);
    }

    private static LandedObject describeUnder(String root, String uri) {
        return ParsedObjectSource.describe(new LandingObject(uri, 10, "etag:x"), root, CONTEXT, ZoneOffset.UTC,
                PartitionKeyReader.NONE, errorPrefix("cwlogs/", null));
    }

    private static ErrorOutputTypeReader errorPrefix(String landingPrefix, String errorOutputPrefix) {
        LandingPrefixes prefixes = LandingPrefixes.of("t", landingPrefix, errorOutputPrefix, null);
        return new ErrorOutputTypeReader(new PrefixTemplate(prefixes.errors(), prefixes.zone()));
    }

    @Test
    void eachObjectCarriesTheKeyValuesOfItsOwnKey() {
        PartitionKeyReader prefix = template("logs/!{partitionKeyFromQuery:customer_id}/!{partitionKeyFromLambda:tenant}/!{timestamp:yyyy/MM/dd/HH}/");

        LandedObject acme = describe("logs/acme/t1/2026/11/24/10/s-1-2026-11-24-10-01-00-a", prefix);
        LandedObject globex = describe("logs/globex/t2/2026/11/24/10/s-1-2026-11-24-10-02-00-b", prefix);

        assertThat(acme.partitionValues()).isEqualTo(Map.of("customer_id", "acme", "tenant", "t1"));
        assertThat(globex.partitionValues()).isEqualTo(Map.of("customer_id", "globex", "tenant", "t2"));
        assertThat(acme.arrival()).isEqualTo(Instant.parse("2026-11-24T10:01:00Z"));
    }

    @Test
    void noKeyValuesWithoutPartitionKeysOrOutsideThePrefix() {
        assertThat(describe("cwlogs/2026/11/24/10/s-1-2026-11-24-10-01-00-a", template("cwlogs/")).partitionValues()).isEmpty();
        assertThat(describe("cwlogs/2026/11/24/10/s-1-2026-11-24-10-01-00-a", PartitionKeyReader.NONE).partitionValues()).isEmpty();
        assertThat(describe("other/2026/11/24/10/s-1-2026-11-24-10-01-00-a",
                template("logs/!{partitionKeyFromQuery:customer_id}/")).partitionValues()).isEmpty();
    }

    @Test
    void anObjectDescribedWithoutKeyValuesHasNone() {
        assertThat(new LandedObject(ROOT + "/k", "k", null, null, DAY).partitionValues()).isEmpty();
        assertThat(new LandedObject(ROOT + "/k", "k", null, null, DAY, null).partitionValues()).isEmpty();
    }

    @Test
    void theErrorOutputTypeIsReadAgainstTheErrorOutputPrefix() {
        ErrorOutputTypeReader whole = errorPrefix("errors/", null);
        assertThat(describe("errors/processing-failed/2026/11/24/10/s-1-2026-11-24-10-01-00-a", PartitionKeyReader.NONE, whole)
                .errorOutput()).isEqualTo("processing-failed");
        ErrorOutputTypeReader hiveStyle = errorPrefix("cwl/!{timestamp:yyyy/MM/dd}/",
                "errors/cwl/type=!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/");
        assertThat(describe("errors/cwl/type=decompression-failed/2026/11/24/s-1-2026-11-24-10-01-00-a", PartitionKeyReader.NONE,
                hiveStyle).errorOutput()).isEqualTo("decompression-failed");
        assertThat(describe("cwl/2026/11/24/s-1-2026-11-24-10-01-00-a", PartitionKeyReader.NONE, hiveStyle).errorOutput()).isNull();
        // a folder named like an error-output type outside the error output prefix is not error output
        assertThat(describe("cwlogs/processing-failed/2026/11/24/10/s-1-2026-11-24-10-01-00-a", PartitionKeyReader.NONE, whole)
                .errorOutput()).isNull();
        assertThat(describe("errors/processing-failed/2026/11/24/10/s-1-2026-11-24-10-01-00-a", PartitionKeyReader.NONE)
                .errorOutput()).isNull();
    }

    @Test
    void theKeyIsTheObjectsPathUnderTheLandingRootWhateverFormTheRootTakes() {
        String key = "cwlogs/processing-failed/2026/11/24/10/s-1-2026-11-24-10-01-00-a";
        for (String root : new String[] {"s3a://bucket/landing", "s3a://bucket/landing/"}) {
            LandedObject s3a = describeUnder(root, "s3a://bucket/landing/" + key);
            assertThat(s3a.key()).as(root).isEqualTo(key);
            assertThat(s3a.errorOutput()).isEqualTo("processing-failed");
            assertThat(s3a.arrival()).isEqualTo(Instant.parse("2026-11-24T10:01:00Z"));
        }
        assertThat(describeUnder("s3a://bucket", "s3a://bucket/" + key).key()).isEqualTo(key);
        for (String root : new String[] {"file:///tmp/landing", "file:/tmp/landing", "/tmp/landing"}) {
            LandedObject local = describeUnder(root, "file:/tmp/landing/" + key);
            assertThat(local.key()).as(root).isEqualTo(key);
            assertThat(local.errorOutput()).isEqualTo("processing-failed");
        }
        assertThat(describeUnder("s3a://bucket/landing", "s3a://other/landing/" + key).key())
                .as("another bucket is not under the root").isEqualTo("/landing/" + key);
        assertThat(describeUnder("s3a://bucket/land", "s3a://bucket/landing/" + key).key())
                .as("a root is a folder, not a name prefix").isEqualTo("/landing/" + key);
    }
}
