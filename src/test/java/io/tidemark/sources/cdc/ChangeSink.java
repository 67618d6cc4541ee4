package io.tidemark.sources.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.RecordSink;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps what a sales CDC parser emits; rows are checked against the schema's column count as they arrive. */
final class ChangeSink implements RecordSink {
    static final List<String> COLUMNS = DatasetSchemas.get("sales_changes").columnNames();
    final List<Object[]> rows = new ArrayList<>();
    final List<Long> offsets = new ArrayList<>();
    final List<Instant> eventTimes = new ArrayList<>();
    final List<QuarantineRecord> quarantined = new ArrayList<>();
    int controls;

    @Override
    public void row(String dataset, Object[] values, long offset, Instant eventTime) {
        assertThat(dataset).isEqualTo("sales_changes");
        assertThat(values).hasSize(COLUMNS.size());
        assertThat(values[COLUMNS.indexOf("change_ts")]).isEqualTo(Timestamp.from(eventTime));
        rows.add(values);
        offsets.add(offset);
        eventTimes.add(eventTime);
    }

    @Override
    public void quarantine(QuarantineRecord record) {
        quarantined.add(record);
    }

    @Override
    public void control() {
        controls++;
    }

    Object get(int row, String column) {
        return rows.get(row)[COLUMNS.indexOf(column)];
    }

    List<Object> column(String column) {
        return rows.stream().map(r -> r[COLUMNS.indexOf(column)]).toList();
    }

    Map<ReasonCode, Long> reasons() {
        Map<ReasonCode, Long> counts = new TreeMap<>();
        quarantined.forEach(q -> counts.merge(q.reason(), 1L, Long::sum));
        return counts;
    }

    static Timestamp ts(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }
}
