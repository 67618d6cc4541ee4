package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.FlowLogLinesSourceSpec;
import io.tidemark.config.JobSpec;
import io.tidemark.config.JobSpecs;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.ObjectParser;
import io.tidemark.sources.registry.ObjectParsers;
import io.tidemark.sources.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads every generated object with the flowlines job's parser and checks the ground truth against it. */
class FlowLogLinesLandingGeneratorTest {
    private static final List<String> COLUMNS =
            DatasetSchemas.get("vpc_flow_logs").columns().stream().map(ColumnSpec::name).toList();
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);

    /** What the parser produced for the whole landing, deduplicated on event_id in key order. */
    private static final class Read implements RecordSink {
        final Map<String, Map<String, Object>> distinct = new LinkedHashMap<>();
        final Map<String, List<Map<String, Object>>> rowsByObject = new HashMap<>();
        final List<QuarantineRecord> quarantined = new ArrayList<>();
        long rowsIn;
        long duplicates;
        String current;

        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(COLUMNS.get(i), values[i]);
            }
            assertThat(eventTime).isEqualTo(Instant.ofEpochSecond((Long) row.get("start")));
            rowsIn++;
            rowsByObject.computeIfAbsent(current, k -> new ArrayList<>()).add(row);
            if (distinct.putIfAbsent((String) row.get("event_id"), row) != null) {
                duplicates++;
            }
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            quarantined.add(record);
        }

        @Override
        public void control() {
            throw new AssertionError("no control messages in flow-log lines");
        }
    }

    private static Read readAll(FlowLinesLanding landing) throws IOException {
        JobSpec spec = new JobSpecs().get("flowlines");
        assertThat(spec.landingPrefix()).isEqualTo(FlowLogLinesLandingGenerator.FAMILY + "/");
        assertThat(((FlowLogLinesSourceSpec) spec.source()).logGroup()).isEqualTo(landing.settings().logGroup());
        ObjectParser parser = ObjectParsers.forSource(spec.source());
        Read read = new Read();
        for (FlowLinesObject object : landing.objects()) {
            read.current = object.trap();
            Path path = landing.pathOf(object);
            try (InputStream in = Files.newInputStream(path)) {
                parser.parse(new LandedObject(path.toUri().toString(), object.key(), null, null, LocalDate.parse("2026-11-24")),
                        in, read);
            }
        }
        return read;
    }

    @Test
    void groundTruthMatchesWhatTheParserReads(@TempDir Path root) throws IOException {
        FlowLinesLanding landing = FlowLinesLanding.of(new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.small()).generate(root));
        Read read = readAll(landing);

        assertThat(landing.objects()).hasSize(6);
        assertThat(landing.objects()).allMatch(o -> o.key().matches(
                "flowlogs-lines/2026/11/24/1[01]/flowlines-to-s3-1-2026-11-24-1[01]-\\d\\d-\\d\\d-[0-9a-f-]{36}"));
        assertThat(landing.linesWritten()).isEqualTo(30 + 2 + 30 + 33 + 30 + 30 + 32);
        assertThat(landing.duplicates()).isEqualTo(32);
        assertThat(landing.quarantinedByReason()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "BAD_TIMESTAMP", 1L, "SCHEMA_MISMATCH", 2L)));
        assertThat(landing.rows()).isEqualTo(landing.linesWritten() - 32 - 3);

        assertThat(read.distinct).hasSize((int) landing.rows());
        assertThat(read.duplicates).isEqualTo(landing.duplicates());
        assertThat(read.rowsIn).isEqualTo(landing.rows() + landing.duplicates());
        Map<String, Long> reasons = new TreeMap<>();
        read.quarantined.forEach(q -> reasons.merge(q.reason().name(), 1L, Long::sum));
        assertThat(reasons).isEqualTo(landing.quarantinedByReason());

        Map<String, Long> partitions = new TreeMap<>();
        Map<DayAction, FlowTotals> byDayAction = new TreeMap<>();
        Map<FlowHourKey, FlowTotals> hourly = new TreeMap<>();
        for (Map<String, Object> row : read.distinct.values()) {
            Instant start = Instant.ofEpochSecond((Long) row.get("start"));
            partitions.merge(PARTITION.format(start), 1L, Long::sum);
            if ("OK".equals(row.get("log_status")) && row.get("action") != null) {
                FlowTotals t = new FlowTotals(1, (Long) row.get("packets"), (Long) row.get("bytes"));
                String date = start.toString().substring(0, 10);
                byDayAction.merge(new DayAction(date, (String) row.get("action")), t, FlowTotals::plus);
                hourly.merge(new FlowHourKey(date, start.atZone(ZoneOffset.UTC).getHour(), (String) row.get("interface_id"),
                        (String) row.get("action"), (Integer) row.get("protocol")), t, FlowTotals::plus);
            }
        }
        assertThat(partitions).isEqualTo(landing.rowsByPartition());
        assertThat(byDayAction).isEqualTo(landing.flowsByDayAction());
        assertThat(hourly).isEqualTo(landing.flowsHourly());
        assertThat(read.distinct.values()).allMatch(r -> r.get("log_group").equals("/vpc/flow-logs")
                && r.get("log_stream") == null && ((String) r.get("event_id")).matches("l-[0-9a-f]{64}"));
        assertThat(read.distinct.values().stream().map(r -> r.get("log_status")).distinct())
                .containsExactlyInAnyOrder("OK", "NODATA", "SKIPDATA");
    }

    @Test
    void theV5ObjectsValuesLandInTheirOwnColumns(@TempDir Path root) throws IOException {
        FlowLinesLanding landing = FlowLinesLanding.of(new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.small()).generate(root));
        Read read = readAll(landing);
        List<Map<String, Object>> v5 = read.rowsByObject.get("v5-header-user-order");
        assertThat(v5).hasSize(30);
        List<String> text = Files.readAllLines(landing.pathOf(landing.objectFor("v5-header-user-order")));
        assertThat(text.get(0)).isEqualTo(FlowLogLinesLandingGenerator.V5_HEADER);
        List<String> header = List.of(text.get(0).split(" "));
        for (int i = 0; i < v5.size(); i++) {
            String[] tokens = text.get(i + 1).split(" ");
            Map<String, Object> row = v5.get(i);
            for (int f = 0; f < header.size(); f++) {
                String column = header.get(f).replace('-', '_');
                Object value = row.get(column);
                assertThat(value == null ? "-" : value.toString()).as("line %d column %s", i + 2, column).isEqualTo(tokens[f]);
            }
            assertThat(row).containsEntry("version", 5).containsEntry("vpc_id", FlowLogLinesLandingGenerator.VPC_ID)
                    .containsEntry("account_id", "111122223333").containsEntry("owner", "111122223333")
                    .containsEntry("subnet_id", null).containsEntry("region", null);
        }
        assertThat(v5).anyMatch(r -> "egress".equals(r.get("flow_direction")) && r.get("traffic_path") instanceof Integer);
        assertThat(v5).anyMatch(r -> "ingress".equals(r.get("flow_direction")) && r.get("traffic_path") == null);
    }

    @Test
    void sameSettingsSameBytesAndTheRedeliveryIsAByteCopy(@TempDir Path a, @TempDir Path b) throws IOException {
        FlowLinesLanding first = FlowLinesLanding.of(new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.small()).generate(a));
        FlowLinesLanding second = FlowLinesLanding.of(new FlowLogLinesLandingGenerator(FlowLinesLandingSettings.small()).generate(b));
        assertThat(second.objects()).isEqualTo(first.objects());
        for (FlowLinesObject o : first.objects()) {
            assertThat(Files.readAllBytes(second.pathOf(o))).isEqualTo(Files.readAllBytes(first.pathOf(o)));
        }
        FlowLinesObject copy = first.objectFor("redelivery");
        FlowLinesObject original = first.objectFor("v2-header-lf");
        assertThat(copy.copyOf()).isEqualTo(original.key());
        assertThat(Files.readAllBytes(first.pathOf(copy))).isEqualTo(Files.readAllBytes(first.pathOf(original)));
        assertThat(new String(Files.readAllBytes(first.pathOf(first.objectFor("v2-crlf-no-final-newline")))))
                .contains("\r\n").doesNotEndWith("\n");
        assertThat(Files.readAllBytes(first.pathOf(first.objectFor("v2-gzip-bad-lines")))[0]).isEqualTo((byte) 0x1f);
    }
}
