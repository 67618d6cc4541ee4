package io.tidemark.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.config.JsonConfigReader;
import io.tidemark.config.LandingPrefixes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows, listings and keys of landings written under a stream's own prefix expressions. */
class PrefixDiscoveryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path root;

    private final Configuration conf = new Configuration(false);

    private String landingRoot() {
        String uri = root.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private void touch(String key) throws IOException {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, key);
    }

    private static JobSpec spec(String prefix, String errors, String zone) {
        String json = "{\"job\":\"t\",\"landingPrefix\":\"" + prefix + "\""
                + (errors == null ? "" : ",\"errorOutputPrefix\":\"" + errors + "\"")
                + (zone == null ? "" : ",\"customTimeZone\":\"" + zone + "\"")
                + ",\"source\":{\"family\":\"cloudwatch_logs\"},\"datasets\":[\"app_logs\"]}";
        return new JsonConfigReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json", JobSpec.class);
    }

    private List<String> keys(JobSpec spec, LandingWindow window) {
        return new ObjectDiscovery(conf).list(landingRoot(), spec, window).stream()
                .map(o -> ObjectDiscovery.keyUnder(landingRoot(), new org.apache.hadoop.fs.Path(o.uri()))).toList();
    }

    @Test
    void theShippedCustomPrefixSpecFindsHoursAndListsEachWindowAndItsErrorOutput() throws IOException {
        JobSpec spec = new JobSpecs().get("cwlogs_custom_prefix");
        touch("logs/cwl/year=2026/month=11/day=24/hour=10/s-1-2026-11-24-10-01-00-a");
        touch("logs/cwl/year=2026/month=11/day=24/hour=11/s-1-2026-11-24-11-01-00-b");
        touch("logs/cwl/year=2026/month=11/day=25/hour=00/s-1-2026-11-25-00-01-00-c");
        touch("errors/cwl/processing-failed/2026/11/24/s-1-2026-11-24-11-30-00-d");
        touch("errors/cwl/decompression-failed/2026/11/24/s-1-2026-11-24-10-59-59-e");
        touch("errors/cwl/decompression-failed/2026/11/26/s-1-2026-11-26-03-00-00-f");
        touch("logs/cwl/year=2026/month=11/day=24/notes.txt");
        touch("cwlogs/2026/11/24/10/s-1-2026-11-24-10-01-00-other-job");

        assertThat(new WindowDiscovery(conf).windows(landingRoot(), spec)).extracting(LandingWindow::label)
                .containsExactly("2026-11-24T10", "2026-11-24T11", "2026-11-25T00", "2026-11-26");
        assertThat(keys(spec, LandingWindow.hour(DAY, 10))).containsExactly(
                "errors/cwl/decompression-failed/2026/11/24/s-1-2026-11-24-10-59-59-e",
                "logs/cwl/year=2026/month=11/day=24/hour=10/s-1-2026-11-24-10-01-00-a");
        assertThat(keys(spec, LandingWindow.hour(DAY, 11))).containsExactly(
                "errors/cwl/processing-failed/2026/11/24/s-1-2026-11-24-11-30-00-d",
                "logs/cwl/year=2026/month=11/day=24/hour=11/s-1-2026-11-24-11-01-00-b");
        assertThat(keys(spec, LandingWindow.day(DAY))).hasSize(4);
        assertThat(keys(spec, LandingWindow.day(DAY.plusDays(2)))).singleElement().asString().contains("2026/11/26");
    }

    @Test
    void listingIsBoundedToTheWindowsPrefixes() {
        LandingPrefixes custom = new JobSpecs().get("cwlogs_custom_prefix").prefixes();
        PrefixTemplate data = new PrefixTemplate(custom.data(), custom.zone());
        PrefixTemplate errors = new PrefixTemplate(custom.errors(), custom.zone());
        assertThat(data.windowGlobs(LandingWindow.hour(DAY, 10))).containsExactly("logs/cwl/year=2026/month=11/day=24/hour=10/");
        assertThat(data.windowGlobs(LandingWindow.day(DAY))).containsExactly("logs/cwl/year=2026/month=11/day=24/hour=*");
        assertThat(errors.windowGlobs(LandingWindow.hour(DAY, 10))).singleElement().asString()
                .startsWith("errors/cwl/{processing-failed,").endsWith("decompression-failed,http-endpoint-failed,splunk-failed,"
                        + "AmazonOpenSearchService-failed}/2026/11/24/");

        LandingPrefixes plain = new JobSpecs().get("cwlogs").prefixes();
        assertThat(new PrefixTemplate(plain.data(), plain.zone()).windowGlobs(LandingWindow.day(DAY))).containsExactly("cwlogs/2026/11/24/");
        assertThat(new PrefixTemplate(plain.data(), plain.zone()).discoveryGlob())
                .isEqualTo("cwlogs/[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[0-9][0-9]");

        LandingPrefixes hourFirst = spec("h/!{timestamp:HH}/!{timestamp:yyyy-MM-dd}/", "e/!{firehose:error-output-type}/", null).prefixes();
        assertThat(new PrefixTemplate(hourFirst.data(), hourFirst.zone()).windowGlobs(LandingWindow.day(DAY)))
                .as("an hour field before the day: one glob per hour, never the whole stream")
                .hasSize(24).contains("h/00/2026-11-24/", "h/23/2026-11-24/");
    }

    @Test
    void dynamicPartitioningKeysAreReadBackFromKeysAndEveryKeyValueIsListed() throws IOException {
        JobSpec spec = spec("events/customer=!{partitionKeyFromQuery:customer_id}/!{partitionKeyFromLambda:tenant}-!{firehose:random-string}/"
                + "!{timestamp:yyyy/MM/dd/HH}/", "events-errors/!{firehose:error-output-type}/", null);
        touch("events/customer=42/acme-a1b2c3d4e5f/2026/11/24/10/s-1-2026-11-24-10-00-00-a");
        touch("events/customer=7/initech-zzzzzzzzzzz/2026/11/24/10/s-1-2026-11-24-10-20-00-b");
        touch("events/customer=7/initech-zzzzzzzzzzz/2026/11/24/12/s-1-2026-11-24-12-20-00-c");
        touch("events-errors/processing-failed/2026/11/24/10/s-1-2026-11-24-10-30-00-d");

        assertThat(new WindowDiscovery(conf).windows(landingRoot(), spec)).extracting(LandingWindow::label)
                .containsExactly("2026-11-24T10", "2026-11-24T12");
        assertThat(keys(spec, LandingWindow.hour(DAY, 10))).hasSize(3);

        PrefixTemplate template = new PrefixTemplate(spec.prefixes().data(), spec.prefixes().zone());
        assertThat(template.match("events/customer=42/acme-a1b2c3d4e5f/2026/11/24/10/s-1-2026-11-24-10-00-00-a")).hasValueSatisfying(k -> {
            assertThat(k.partitionValues()).containsExactlyInAnyOrderEntriesOf(Map.of("customer_id", "42", "tenant", "acme"));
            assertThat(k.time()).isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 0));
            assertThat(k.errorOutputType()).isNull();
        });
        PrefixTemplate errors = new PrefixTemplate(spec.prefixes().errors(), spec.prefixes().zone());
        assertThat(errors.match("events-errors/format-conversion-failed/2026/11/24/10/x")).hasValueSatisfying(k ->
                assertThat(k.errorOutputType()).isEqualTo("format-conversion-failed"));
        assertThat(errors.match("events-errors/not-a-type/2026/11/24/10/x"))
                .as("only the types Firehose writes read back, as the discovery glob lists them").isEmpty();
        assertThat(template.match("events/customer=42/2026/11/24/10/x")).isEmpty();
    }

    @Test
    void aCustomTimeZoneNamesWindowsInThatZoneAndObjectNamesArriveInIt() throws IOException {
        JobSpec spec = spec("tokyo/", null, "Asia/Tokyo");
        String key = "tokyo/2026/11/25/01/s-1-2026-11-25-01-04-59-a";
        touch(key);

        assertThat(new WindowDiscovery(conf).windows(landingRoot(), spec)).extracting(LandingWindow::label).containsExactly("2026-11-25T01");
        assertThat(keys(spec, LandingWindow.hour(LocalDate.of(2026, 11, 25), 1))).containsExactly(key);
        assertThat(keys(spec, LandingWindow.day(DAY))).isEmpty();
        assertThat(spec.arrivalZone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(FirehoseObjectKey.parse(key, spec.arrivalZone()).orElseThrow().arrival())
                .isEqualTo(Instant.parse("2026-11-24T16:04:59Z"));
    }
}
