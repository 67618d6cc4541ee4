package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.RecordSink;
import io.tidemark.sources.guardduty.GuardDutyFindingParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardDutyLandingGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile(
            "guardduty/(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/guardduty-to-s3-1-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-\\d{2}-\\d{2}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final List<String> COLUMNS = DatasetSchemas.get("guardduty_findings").columnNames();

    @TempDir
    Path root;

    @Test
    void sameSettingsWriteTheSameBytesAndAnotherSeedOthers(@TempDir Path other, @TempDir Path third) throws IOException {
        GuardDutyGeneratedLanding first = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(root));
        GuardDutyGeneratedLanding second = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(other));
        new GuardDutyLandingGenerator(GuardDutyLandingSettings.small().withSeed(7)).generate(third);

        assertThat(files(other)).isEqualTo(files(root));
        assertThat(second.latestByFinding()).isEqualTo(first.latestByFinding());
        assertThat(second.quarantinedByReason()).isEqualTo(first.quarantinedByReason());
        assertThat(files(third)).isNotEqualTo(files(root));
    }

    @Test
    void groundTruthIsWhatTheParserFindsInTheWrittenObjects() throws IOException {
        GuardDutyGeneratedLanding truth = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(root));
        Parsed parsed = parseAll(truth);

        assertThat(parsed.documents).isEqualTo(truth.documentsWritten());
        assertThat(parsed.quarantinedByReason()).isEqualTo(truth.quarantinedByReason());
        assertThat(truth.quarantinedByReason()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "BAD_TIMESTAMP", 1L, "MISSING_KEY", 1L, "SCHEMA_MISMATCH", 1L, "UNKNOWN_RECORD_TYPE", 1L)));

        Map<List<Object>, Map<String, Object>> distinct = new LinkedHashMap<>();
        for (Map<String, Object> row : parsed.rows) {
            distinct.putIfAbsent(List.of(row.get("finding_id"), row.get("updated_at")), row);
        }
        assertThat((long) distinct.size()).isEqualTo(truth.distinctUpdates());
        assertThat((long) parsed.rows.size() - distinct.size()).isEqualTo(truth.duplicates()).isEqualTo(1L);
        assertThat(truth.documentsWritten()).isEqualTo(truth.distinctUpdates() + truth.duplicates() + truth.quarantined());

        Map<String, Long> byDt = new TreeMap<>();
        Map<String, GuardDutyFindingState> latest = new TreeMap<>();
        for (Map<String, Object> row : distinct.values()) {
            Instant updated = ((Timestamp) row.get("updated_at")).toInstant();
            byDt.merge("dt=" + updated.toString().substring(0, 10), 1L, Long::sum);
            GuardDutyFindingState state = new GuardDutyFindingState((String) row.get("type"), (Double) row.get("severity"),
                    (Integer) row.get("service_count"), updated);
            latest.merge((String) row.get("finding_id"), state, (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b);
        }
        assertThat(byDt).isEqualTo(truth.rowsByPartition());
        assertThat(truth.rowsByPartition()).as("updates on both sides of midnight").containsOnlyKeys("dt=2026-11-24", "dt=2026-11-25");
        assertThat(latest).isEqualTo(truth.latestByFinding());
        assertThat(truth.latestByFinding()).hasSize(GuardDutyLandingSettings.small().findings());
        assertThat(truth.distinctUpdates()).isGreaterThan(2L * truth.latestByFinding().size() - 1);
    }

    @Test
    void everyFindingIsUpdatedWithAHigherCountAndOneEscalates() throws IOException {
        GuardDutyGeneratedLanding truth = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(root));
        Map<String, List<Map<String, Object>>> updates = new TreeMap<>();
        for (Map<String, Object> row : parseAll(truth).rows) {
            updates.computeIfAbsent((String) row.get("finding_id"), k -> new ArrayList<>()).add(row);
        }
        boolean escalated = false;
        for (List<Map<String, Object>> rows : updates.values()) {
            rows.sort((a, b) -> ((Timestamp) a.get("updated_at")).compareTo((Timestamp) b.get("updated_at")));
            assertThat(rows.stream().map(r -> r.get("updated_at")).distinct().count()).isGreaterThanOrEqualTo(2);
            for (int i = 1; i < rows.size(); i++) {
                if (!rows.get(i).get("updated_at").equals(rows.get(i - 1).get("updated_at"))) {
                    assertThat((Integer) rows.get(i).get("service_count")).isGreaterThan((Integer) rows.get(i - 1).get("service_count"));
                }
            }
            escalated |= !rows.get(0).get("severity_label").equals(rows.get(rows.size() - 1).get("severity_label"));
        }
        assertThat(escalated).isTrue();
        assertThat(truth.latestByFinding().values()).extracting(GuardDutyFindingState::severity).contains(8.0, 2.0);
    }

    @Test
    void objectsCarryTheFramingsEnvelopesAndSeverityFormsOfTheFormat() throws IOException {
        GuardDutyGeneratedLanding truth = GuardDutyGeneratedLanding.of(new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(root));
        String all = String.join("\u0000", files(root).values());

        assertThat(truth.objectKeys()).allSatisfy(key -> {
            Matcher m = KEY.matcher(key);
            assertThat(m.matches()).as(key).isTrue();
            for (int i = 1; i <= 4; i++) {
                assertThat(m.group(i)).isEqualTo(m.group(i + 4));
            }
        });
        assertThat(files(root).values()).anySatisfy(body -> assertThat(body).contains("}}{\"").doesNotContain("\n"));
        assertThat(files(root).values()).anySatisfy(body -> assertThat(body).contains("}}\n{\"").endsWith("\n"));
        assertThat(all).contains("\"severity\":2,", "\"severity\":5.0,", "\"severity\":\"5.0\"", "\"severity\":\"HIGH\"");
        assertThat(all).contains("{\"region\":\"us-east-1\",\"detail\":{", "{\"schemaVersion\":\"2.0\"",
                "\"detail-type\":\"AWS API Call via CloudTrail\"", ":61:07Z\"");

        Parsed parsed = parseAll(truth);
        assertThat(parsed.rows).anySatisfy(row -> assertThat(row.get("event_id")).isNull());
        assertThat(parsed.rows).anySatisfy(row -> assertThat(row.get("remote_ip")).isNotNull());
        assertThat(parsed.rows).anySatisfy(row -> assertThat(row.get("bucket_names")).asString().contains(","));
        assertThat(parsed.lateRows).as("updates that reach a later hour's prefix").isPositive();
    }

    @Test
    void refusesALandingPrefixThatHoldsObjects() throws IOException {
        Files.createDirectories(root.resolve("guardduty/2026"));
        Files.writeString(root.resolve("guardduty/2026/x"), "{}");

        assertThatThrownBy(() -> new GuardDutyLandingGenerator(GuardDutyLandingSettings.small()).generate(root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("guardduty");
    }

    // ---- helpers

    private static final class Parsed {
        long documents;
        long lateRows;
        final List<Map<String, Object>> rows = new ArrayList<>();
        final List<QuarantineRecord> quarantined = new ArrayList<>();

        Map<String, Long> quarantinedByReason() {
            Map<String, Long> counts = new TreeMap<>();
            quarantined.forEach(q -> counts.merge(q.reason().name(), 1L, Long::sum));
            return counts;
        }
    }

    /** Splits every object into JSON documents (concatenated or newline-separated) and parses each. */
    private static Parsed parseAll(GuardDutyGeneratedLanding truth) throws IOException {
        GuardDutyFindingParser parser = new GuardDutyFindingParser();
        Parsed parsed = new Parsed();
        for (String key : truth.objectKeys()) {
            byte[] bytes = Files.readAllBytes(truth.landingRoot().resolve(key));
            Matcher m = KEY.matcher(key);
            assertThat(m.matches()).isTrue();
            Instant keyHour = Instant.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":00:00Z");
            LandedObject object = new LandedObject("file:/landing/" + key, key, keyHour, null, LocalDate.of(2026, 11, 24));
            RecordSink sink = new RecordSink() {
                @Override
                public void row(String dataset, Object[] values, long offset, Instant eventTime) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        row.put(COLUMNS.get(i), values[i]);
                    }
                    parsed.rows.add(row);
                    if (eventTime.isBefore(keyHour)) {
                        parsed.lateRows++;
                    }
                }

                @Override
                public void quarantine(QuarantineRecord record) {
                    parsed.quarantined.add(record);
                }

                @Override
                public void control() {
                }
            };
            try (JsonParser json = JSON.getFactory().createParser(bytes)) {
                long offset = 0;
                while (json.nextToken() != null) {
                    int start = (int) json.getTokenLocation().getByteOffset();
                    JsonNode document = JSON.readTree(json);
                    int end = (int) json.getCurrentLocation().getByteOffset();
                    parser.parse(document, new String(bytes, start, end - start, StandardCharsets.UTF_8), offset++, object, sink);
                    parsed.documents++;
                }
            }
        }
        return parsed;
    }

    private static Map<String, String> files(Path landing) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(landing)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(landing.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
