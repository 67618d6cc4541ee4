package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.landing.FirehoseObjectKey;
import io.tidemark.landing.ObjectDecompressor;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.clickstream.ClickstreamParser;
import io.tidemark.testing.CollectingSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's ground truth against what the clickstream parser makes of the objects it wrote. The framing here
 * (lines, then concatenated documents within a line) stands in for the framing layer being built elsewhere.
 */
class ClickstreamLandingGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);

    @TempDir
    static Path shared;
    static GeneratedClickstream small;
    static Readback read;

    @BeforeAll
    static void generate() throws IOException {
        small = GeneratedClickstream.of(new ClickstreamLandingGenerator(ClickstreamLandingSettings.small()).generate(shared.resolve("small")));
        read = readBack(small);
    }

    /** Every row kept after the key dedup, and what was dropped or quarantined. */
    record Readback(List<CollectingSink.Row> rows, long duplicates, Map<String, Long> quarantined, long documents) {
    }

    static Readback readBack(GeneratedClickstream landing) throws IOException {
        ClickstreamParser parser = new ClickstreamParser();
        CollectingSink sink = new CollectingSink();
        Map<String, Long> framingErrors = new TreeMap<>();
        long documents = 0;
        for (ClickObject object : landing.objects()) {
            Instant arrival = FirehoseObjectKey.parse(object.key()).orElseThrow().arrival();
            LandedObject landed = new LandedObject(landing.pathOf(object).toUri().toString(), object.key(), arrival, null,
                    LocalDate.ofInstant(arrival, ZoneOffset.UTC));
            String text;
            try (InputStream in = ObjectDecompressor.open(Files.newInputStream(landing.pathOf(object)))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long offset = 0;
            for (String line : text.split("\n")) {
                try (JsonParser json = MAPPER.createParser(line.replace("\r", ""))) {
                    JsonNode node;
                    while ((node = MAPPER.readTree(json)) != null) {
                        parser.parse(node, node.toString(), offset++, landed, sink);
                        documents++;
                    }
                } catch (JsonProcessingException e) {
                    framingErrors.merge("MALFORMED_JSON", 1L, Long::sum);
                    offset++;
                    documents++;
                }
            }
        }
        Set<String> keys = new HashSet<>();
        List<CollectingSink.Row> kept = sink.rows.stream().filter(r -> keys.add((String) r.get(0))).toList();
        Map<String, Long> quarantined = new TreeMap<>(sink.quarantinedByReason());
        framingErrors.forEach((k, v) -> quarantined.merge(k, v, Long::sum));
        return new Readback(kept, sink.rows.size() - kept.size(), quarantined, documents);
    }

    @Test
    void countsMatchWhatTheParserReads() {
        assertThat(read.documents()).isEqualTo(small.documentsWritten());
        assertThat(read.rows()).hasSize((int) small.rows());
        assertThat(read.duplicates()).isEqualTo(small.duplicates());
        assertThat(read.quarantined()).isEqualTo(small.quarantinedByReason());
        assertThat(small.quarantinedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "MALFORMED_JSON", 1L, "SCHEMA_MISMATCH", 1L, "MISSING_KEY", 1L, "BAD_TIMESTAMP", 1L));
        assertThat(small.documentsWritten()).isEqualTo(small.rows() + small.duplicates() + small.quarantined());
    }

    @Test
    void duplicatesAreTheRedeliveredObjectAndTheRedeliveredRecord() {
        assertThat(small.duplicates()).isEqualTo(ClickstreamLandingSettings.small().recordsPerObject() + 1L);
        List<ClickObject> copies = small.objects().stream().filter(o -> o.copyOf() != null).toList();
        assertThat(copies).hasSize(1);
        String copyTime = copies.get(0).key().replaceAll(".*-1-(\\d{4}(-\\d{2}){5})-.*", "$1");
        assertThat(copies.get(0).copyOf()).contains("-1-" + copyTime + "-").isNotEqualTo(copies.get(0).key());
    }

    @Test
    void partitionsActionsArrivalFallbacksAndCtrMatch() {
        SortedMap<String, Long> partitions = new TreeMap<>();
        SortedMap<String, Long> actions = new TreeMap<>();
        SortedMap<DayArticle, ArticleCtr> ctr = new TreeMap<>();
        long fromArrival = 0;
        Set<Long> users = new TreeSet<>();
        for (CollectingSink.Row row : read.rows()) {
            Instant ts = ((Timestamp) row.get(5)).toInstant();
            assertThat(row.eventTime()).isEqualTo(ts);
            partitions.merge(PARTITION.format(ts), 1L, Long::sum);
            String action = (String) row.get(4);
            actions.merge(action, 1L, Long::sum);
            fromArrival += Boolean.TRUE.equals(row.get(6)) ? 1 : 0;
            ctr.merge(new DayArticle(LocalDate.ofInstant(ts, ZoneOffset.UTC), (Long) row.get(2)),
                    new ArticleCtr(action.equals("impression") ? 1 : 0, action.equals("click") ? 1 : 0),
                    (a, b) -> new ArticleCtr(a.impressions() + b.impressions(), a.clicks() + b.clicks()));
            users.add((Long) row.get(3));
        }
        assertThat(partitions).isEqualTo(small.rowsByPartition());
        assertThat(actions).isEqualTo(small.rowsByAction());
        assertThat(actions).containsKeys("click", "impression", "share").hasSize(3);
        assertThat(fromArrival).isEqualTo(small.rowsFromArrival()).isPositive();
        assertThat(ctr).isEqualTo(small.ctrByDayArticle());
        assertThat(users).containsAll(small.usersNotInReference());
        assertThat(small.usersNotInReference()).containsExactly(ClickstreamLandingSettings.small().unknownUserId());
        assertThat(small.articleEvents().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(small.rows());
        assertThat(small.rowsByPartition().keySet()).as("late events land in earlier hours").hasSizeGreaterThan(2);
    }

    @Test
    void objectsCoverEveryFramingAndCompression() throws IOException {
        assertThat(small.objects().stream().map(ClickObject::framing).distinct()).containsExactlyInAnyOrder(
                "LF", "CRLF", "CONCATENATED");
        for (ClickObject object : small.objects()) {
            byte[] bytes = Files.readAllBytes(small.pathOf(object));
            assertThat(bytes[0] == 0x1f && bytes[1] == (byte) 0x8b).isEqualTo(object.gzip());
            assertThat(object.key()).startsWith("clickstream/2026/11/24/1").endsWith(object.gzip() ? ".gz" : "")
                    .matches("clickstream/\\d{4}/\\d{2}/\\d{2}/\\d{2}/clicks-to-s3-1-\\d{4}(-\\d{2}){5}-[0-9a-f-]{36}(\\.gz)?");
        }
        String concatenated = text(small.objects().stream().filter(o -> o.framing().equals("CONCATENATED")).findFirst().orElseThrow());
        assertThat(concatenated).contains("}{").doesNotContain("\n");
        String crlf = text(small.objects().stream().filter(o -> o.framing().equals("CRLF")).findFirst().orElseThrow());
        assertThat(crlf).contains("}\r\n{");
        String all = String.join("\n", small.objects().stream().map(ClickstreamLandingGeneratorTest::text).toList());
        assertThat(all).contains("\"user_id\":\"").contains("\"article_id\":\"").contains(" Click ").contains("+09:00")
                .contains("\"Share\"");
    }

    private static String text(ClickObject object) {
        try (InputStream in = ObjectDecompressor.open(new ByteArrayInputStream(Files.readAllBytes(small.pathOf(object))))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sameSettingsGiveTheSameBytesAndAnotherSeedDiffers() throws IOException {
        GeneratedClickstream again = GeneratedClickstream.of(new ClickstreamLandingGenerator(ClickstreamLandingSettings.small()).generate(shared.resolve("again")));
        assertThat(again.objects()).isEqualTo(small.objects());
        for (ClickObject object : small.objects()) {
            assertThat(Files.readAllBytes(again.pathOf(object))).isEqualTo(Files.readAllBytes(small.pathOf(object)));
        }
        ClickstreamLandingSettings s = ClickstreamLandingSettings.small();
        GeneratedClickstream other = GeneratedClickstream.of(new ClickstreamLandingGenerator(new ClickstreamLandingSettings(7, s.firstHour(), s.hours(),
                s.objectsPerHour(), s.recordsPerObject(), s.articles(), s.firstUserId(), s.users(), s.deliveryStream()))
                .generate(shared.resolve("other")));
        assertThat(other.objects()).isNotEqualTo(small.objects());
        assertThat(readBack(other).rows()).hasSize((int) other.rows());
    }

    @Test
    void demoSettingsAlsoMatchTheirGroundTruth() throws IOException {
        GeneratedClickstream demo = GeneratedClickstream.of(new ClickstreamLandingGenerator(ClickstreamLandingSettings.demo()).generate(shared.resolve("demo")));
        Readback back = readBack(demo);
        assertThat(back.rows()).hasSize((int) demo.rows());
        assertThat(back.duplicates()).isEqualTo(demo.duplicates());
        assertThat(back.quarantined()).isEqualTo(demo.quarantinedByReason());
    }

    @Test
    void refusesANonEmptyLandingPrefix() {
        assertThatThrownBy(() -> new ClickstreamLandingGenerator(ClickstreamLandingSettings.small()).generate(small.landingRoot()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clickstream");
    }
}
