package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.config.DebeziumSourceSpec;
import io.tidemark.config.DmsSourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.ObjectParser;
import io.tidemark.sources.registry.ObjectParsers;
import io.tidemark.sources.RecordSink;
import io.tidemark.sources.cdc.DebeziumParser;
import io.tidemark.sources.cdc.SalesImage;
import io.tidemark.warehouse.DimDateRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads every generated object with the real parsers and checks the ground truth against what they produce. */
class SalesCdcLandingGeneratorTest {
    private static final List<String> COLUMNS = DatasetSchemas.get("sales_changes").columnNames();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    /** What all parsers emitted over the whole landing. */
    private static final class Collected implements RecordSink {
        final List<Object[]> rows = new ArrayList<>();
        final Map<String, Long> reasons = new TreeMap<>();
        final Map<String, Long> bySource = new TreeMap<>();
        String source;
        long controls;

        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            rows.add(values);
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            reasons.merge(record.reason().name(), 1L, Long::sum);
            bySource.merge(source, 1L, Long::sum);
        }

        @Override
        public void control() {
            controls++;
        }
    }

    private Collected readAll(SalesCdcGroundTruth truth) throws IOException {
        Collected sink = new Collected();
        ObjectParser aurora = ObjectParsers.forSource(new AuroraSalesSourceSpec());
        ObjectParser dms = ObjectParsers.forSource(DmsSourceSpec.defaults());
        DebeziumParser debezium = new DebeziumParser(DebeziumSourceSpec.defaults());
        for (SalesCdcObject o : truth.objects()) {
            // as a run describes it: the Firehose arrival from the key (Aurora), none for the flat layouts
            Instant arrival = io.tidemark.landing.FirehoseObjectKey.parse(o.key())
                    .map(io.tidemark.landing.FirehoseObjectKey::arrival).orElse(null);
            LandedObject object = new LandedObject("file://" + truth.pathOf(o), o.key(), arrival, null,
                    truth.loadWindowDate());
            sink.source = o.source();
            if (o.source().equals("debezium")) {
                List<String> lines = Files.readAllLines(truth.pathOf(o));
                for (int i = 0; i < lines.size(); i++) {
                    debezium.parse(JSON.readTree(lines.get(i)), lines.get(i), i, object, sink);
                }
            } else {
                try (InputStream in = Files.newInputStream(truth.pathOf(o))) {
                    (o.source().equals("aurora") ? aurora : dms).parse(object, in, sink);
                }
            }
        }
        return sink;
    }

    @Test
    void groundTruthMatchesWhatTheParsersRead() throws IOException {
        SalesCdcGroundTruth truth = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(root));
        Collected read = readAll(truth);

        Map<String, Object[]> distinct = new LinkedHashMap<>();
        Map<String, Long> written = new TreeMap<>();
        Map<String, Long> dups = new TreeMap<>();
        for (Object[] row : read.rows) {
            String source = (String) row[COLUMNS.indexOf("source")];
            written.merge(source, 1L, Long::sum);
            dups.merge(source, distinct.putIfAbsent((String) row[0], row) == null ? 0L : 1L, Long::sum);
        }
        Map<String, Long> stored = new TreeMap<>();
        Map<String, Long> partitions = new TreeMap<>();
        for (Object[] row : distinct.values()) {
            stored.merge((String) row[COLUMNS.indexOf("source")], 1L, Long::sum);
            partitions.merge("dt=" + ((Timestamp) row[COLUMNS.indexOf("change_ts")]).toInstant().toString().substring(0, 10),
                    1L, Long::sum);
        }
        assertThat(written).isEqualTo(truth.changesWritten());
        assertThat(stored).isEqualTo(truth.changesStored());
        assertThat(dups).isEqualTo(truth.duplicates());
        assertThat(read.reasons).isEqualTo(truth.quarantinedByReason());
        assertThat(read.bySource).isEqualTo(truth.quarantinedBySource());
        assertThat(read.controls).isEqualTo(truth.controls());
        assertThat(partitions).isEqualTo(truth.rowsByPartition());
        assertThat(finalState(distinct.values())).isEqualTo(truth.finalState());

        // the figures themselves, for the small settings (10 initial sales)
        assertThat(truth.changesStored()).containsEntry("aurora", 12L).containsEntry("dms", 22L)
                .containsEntry("debezium", 22L);
        assertThat(truth.duplicates()).containsEntry("aurora", 10L).containsEntry("dms", 0L).containsEntry("debezium", 3L);
        assertThat(truth.quarantinedByReason()).containsEntry("MALFORMED_CSV", 4L).containsEntry("SCHEMA_MISMATCH", 2L)
                .containsEntry("BAD_TIMESTAMP", 1L).containsEntry("UNKNOWN_RECORD_TYPE", 2L).containsEntry("MISSING_KEY", 1L);
        assertThat(truth.controls()).isEqualTo(2);
        assertThat(truth.deletedSaleIds()).containsExactly("S0005");
        assertThat(truth.finalState()).containsKeys("S0001", "S0003", "S0011", "S0012").doesNotContainKey("S0005");
        assertThat(truth.finalState().get("S0006").price()).isEqualTo(24.99).as("the stale update loses");
        assertThat(truth.finalState().get("S0003").referral()).isEqualTo("NULL");
        assertThat(truth.finalState().get("S0002").referral()).isNull();
        assertThat(truth.finalState().get("S0004").category()).isEqualTo("Home, Garden");
        assertThat(truth.finalState().get("S0011").referral()).isEqualTo("Email, \"Black Friday\"\nnewsletter");
        assertThat(truth.finalState()).hasSize(11 + 12);
    }

    @Test
    void orderDatesSpanAYearSoTheSeasonAndWeekdayViewsShowEverySeasonAndDay() throws IOException {
        SalesCdcGroundTruth truth = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.demo()).generate(root));
        TreeSet<String> seasons = new TreeSet<>();
        TreeSet<String> weekdays = new TreeSet<>();
        for (SalesImage sale : truth.finalState().values()) {
            DimDateRow day = DimDateRow.of(sale.orderDate().atOffset(ZoneOffset.UTC).toLocalDate());
            seasons.add(day.season());
            weekdays.add(day.dayOfWeek());
        }
        assertThat(seasons).hasSize(4);
        assertThat(weekdays).hasSize(7);
        assertThat(truth.rowsByPartition()).as("every change lies at most a day before the CDC day")
                .containsOnlyKeys("dt=2026-11-23", "dt=2026-11-24");
    }

    @Test
    void cdcSalesFinalStateEqualsTheSourceTableFromEitherFeedAlone() throws IOException {
        SalesCdcGroundTruth truth = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(root));
        Collected read = readAll(truth);
        Map<String, Object[]> dms = new LinkedHashMap<>();
        Map<String, Object[]> debezium = new LinkedHashMap<>();
        for (Object[] row : read.rows) {
            String source = (String) row[COLUMNS.indexOf("source")];
            (source.equals("dms") ? dms : source.equals("debezium") ? debezium : new HashMap<String, Object[]>())
                    .putIfAbsent((String) row[0], row);
        }
        Map<String, SalesImage> fromDms = finalState(dms.values());
        assertThat(finalState(debezium.values())).isEqualTo(fromDms);
        Map<String, SalesImage> cdcTruth = new TreeMap<>(truth.finalState());
        cdcTruth.keySet().removeIf(id -> !id.startsWith("S"));
        assertThat(fromDms).isEqualTo(cdcTruth);
    }

    @Test
    void sameSettingsGiveTheSameBytesAndANonEmptyPrefixIsRefused(@TempDir Path other) throws IOException {
        SalesCdcGroundTruth a = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(root));
        SalesCdcGroundTruth b = SalesCdcGroundTruth.of(new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(other));
        assertThat(b.objects()).isEqualTo(a.objects());
        for (SalesCdcObject o : a.objects()) {
            assertThat(Files.readAllBytes(b.pathOf(o))).isEqualTo(Files.readAllBytes(a.pathOf(o)));
        }
        assertThat(new TreeSet<>(a.objects().stream().map(SalesCdcObject::source).toList()))
                .containsExactly("aurora", "debezium", "dms");
        assertThatThrownBy(() -> new SalesCdcLandingGenerator(SalesCdcLandingSettings.small()).generate(root))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Last writer wins by change_ts then source_seq; a D removes the sale. */
    private static Map<String, SalesImage> finalState(java.util.Collection<Object[]> rows) {
        List<Object[]> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((Object[] r) -> (Timestamp) r[COLUMNS.indexOf("change_ts")])
                .thenComparing(r -> (String) r[COLUMNS.indexOf("source_seq")]));
        Map<String, SalesImage> state = new TreeMap<>();
        for (Object[] r : ordered) {
            String id = (String) r[COLUMNS.indexOf("sale_id")];
            if ("D".equals(r[COLUMNS.indexOf("op")])) {
                state.remove(id);
            } else {
                Timestamp orderDate = (Timestamp) r[COLUMNS.indexOf("order_date")];
                state.put(id, new SalesImage((String) r[6], (String) r[7], (Double) r[8], (Integer) r[9],
                        orderDate == null ? null : orderDate.toInstant(), (String) r[11], (String) r[12], (String) r[13]));
            }
        }
        return state;
    }
}
