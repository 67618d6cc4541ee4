package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.RecordSink;
import io.tidemark.sources.ses.SesEventParser;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SES demo landing: deterministic, laid out as Firehose lays it out, and its ground truth equals what
 * SesEventParser makes of it (lines split on '\n' stand in for the JSON framing layer).
 */
class SesLandingGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @TempDir
    Path root;

    /** What a run would make of the landing. */
    private static final class Outcome implements RecordSink {
        final Set<List<Object>> keys = new LinkedHashSet<>();
        final Map<String, Long> quarantined = new TreeMap<>();
        final Map<String, Long> partitions = new TreeMap<>();
        final Map<DayEventType, Long> dayTypes = new TreeMap<>();
        final Set<String> types = new TreeSet<>();
        final List<QuarantineRecord> records = new ArrayList<>();
        long duplicates;
        long rows;

        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            rows++;
            List<Object> key = List.of(values[1], values[2], values[3], values[0]);
            types.add((String) values[2]);
            if (!keys.add(key)) {
                duplicates++;
                return;
            }
            assertThat(values[0]).isEqualTo(Timestamp.from(eventTime));
            partitions.merge(PARTITION.format(eventTime), 1L, Long::sum);
            dayTypes.merge(new DayEventType(DATE.format(eventTime), (String) values[2]), 1L, Long::sum);
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            records.add(record);
            quarantined.merge(record.reason().name(), 1L, Long::sum);
        }

        @Override
        public void control() {
        }
    }

    private static Outcome read(SesGeneratedLanding landing) throws IOException {
        SesEventParser parser = new SesEventParser();
        Outcome outcome = new Outcome();
        for (SesWrittenObject object : landing.objects()) {
            String text;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(landing.pathOf(object)))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            LandedObject landed = new LandedObject(landing.pathOf(object).toUri().toString(), object.key(), null, null,
                    LocalDate.of(2026, 11, 24));
            String[] lines = text.split("\n");
            assertThat(lines).hasSize(object.records());
            for (int i = 0; i < lines.length; i++) {
                JsonNode document;
                try {
                    document = JSON.readTree(lines[i]);
                } catch (JsonProcessingException e) {
                    outcome.quarantined.merge("MALFORMED_JSON", 1L, Long::sum);
                    continue;
                }
                parser.parse(document, lines[i], i, landed, outcome);
            }
        }
        return outcome;
    }

    @Test
    void groundTruthIsWhatTheParserReads() throws IOException {
        SesGeneratedLanding landing = SesGeneratedLanding.of(new SesLandingGenerator(SesLandingSettings.defaults()).generate(root));
        Outcome outcome = read(landing);

        assertThat(outcome.keys).hasSize((int) landing.rows());
        assertThat(outcome.duplicates).isEqualTo(landing.duplicates()).isEqualTo(2);
        assertThat(outcome.quarantined).isEqualTo(landing.quarantinedByReason());
        assertThat(landing.quarantinedByReason()).containsExactlyEntriesOf(new TreeMap<>(Map.of("BAD_TIMESTAMP", 1L,
                "MALFORMED_JSON", 1L, "MISSING_KEY", 1L, "SCHEMA_MISMATCH", 1L, "UNKNOWN_RECORD_TYPE", 1L)));
        assertThat(outcome.partitions).isEqualTo(landing.rowsByPartition());
        assertThat(outcome.dayTypes).isEqualTo(landing.eventsByDayType());
        assertThat(outcome.types).containsExactlyInAnyOrder("Send", "Reject", "Bounce", "Complaint", "Delivery", "Open",
                "Click", "Rendering Failure", "DeliveryDelay", "Subscription");
        assertThat(outcome.rows).isEqualTo(landing.rows() + landing.duplicates());
        assertThat(landing.objects().stream().mapToLong(SesWrittenObject::records).sum()).isEqualTo(landing.recordsWritten());
        // pinned figures of the default landing (the demo and the integrator's end-to-end checks rely on them)
        assertThat(landing.recordsWritten()).isEqualTo(115);
        assertThat(landing.rows()).isEqualTo(193);
        assertThat(landing.rowsByPartition()).containsExactlyEntriesOf(new TreeMap<>(Map.of("dt=2026-11-24/hr=09", 26L,
                "dt=2026-11-24/hr=10", 70L, "dt=2026-11-24/hr=11", 51L, "dt=2026-11-24/hr=12", 46L)));
        assertThat(landing.eventsByDayType()).containsEntry(new DayEventType("2026-11-24", "Bounce"), 13L)
                .containsEntry(new DayEventType("2026-11-24", "Click"), 17L)
                .containsEntry(new DayEventType("2026-11-24", "Open"), 17L)
                .containsEntry(new DayEventType("2026-11-24", "Rendering Failure"), 21L)
                .containsEntry(new DayEventType("2026-11-24", "Delivery"), 20L)
                .hasSize(10);
        // the event before the first landing hour lands in the hour before it
        assertThat(landing.rowsByPartition()).containsKey("dt=2026-11-24/hr=09");
        assertThat(outcome.records).allSatisfy(q -> assertThat(q.detail()).doesNotContain("@example.net"));
    }

    @Test
    void keysFollowTheFirehoseLayoutAndBodiesAreGzipJsonLines() throws IOException {
        SesGeneratedLanding landing = SesGeneratedLanding.of(new SesLandingGenerator(SesLandingSettings.defaults()).generate(root));
        assertThat(landing.objects()).hasSize(9);
        for (SesWrittenObject object : landing.objects()) {
            assertThat(object.key()).matches(
                    "ses/2026/11/24/1[0-2]/ses-events-1-2026-11-24-1[0-2]-\\d\\d-\\d\\d-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            byte[] bytes = Files.readAllBytes(landing.pathOf(object));
            assertThat(bytes.length).isEqualTo(object.sizeBytes());
            assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
            assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        }
        String lastText;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(landing.pathOf(lastWritten(landing))))) {
            lastText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(lastText).doesNotEndWith("\n");
        StringBuilder all = new StringBuilder();
        for (SesWrittenObject object : landing.objects()) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(landing.pathOf(object)))) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertThat(all).contains("\"notificationType\":\"Bounce\"", "\"eventType\":\"Rendering Failure\"", "\"failure\":{",
                "\"emailAddress\":\" READER", "\"eventType\":\"Inbound\"", "\"recipients\":[]", "24/11/2026 12:00:00");
    }

    private static SesWrittenObject lastWritten(SesGeneratedLanding landing) {
        return landing.objects().get(landing.objects().size() - 1);
    }

    @Test
    void theSameSettingsWriteTheSameBytes(@TempDir Path other) throws IOException {
        SesGeneratedLanding first = SesGeneratedLanding.of(new SesLandingGenerator(SesLandingSettings.defaults()).generate(root));
        SesGeneratedLanding second = SesGeneratedLanding.of(new SesLandingGenerator(SesLandingSettings.defaults()).generate(other));
        assertThat(second.objects()).isEqualTo(first.objects());
        assertThat(second.keys()).isEqualTo(first.keys());
        for (SesWrittenObject object : first.objects()) {
            assertThat(Files.readAllBytes(second.pathOf(object))).isEqualTo(Files.readAllBytes(first.pathOf(object)));
        }
        assertThatThrownBy(() -> new SesLandingGenerator(SesLandingSettings.defaults()).generate(root))
                .isInstanceOf(IllegalStateException.class);
    }
}
