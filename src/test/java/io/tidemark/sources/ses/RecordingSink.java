package io.tidemark.sources.ses;

import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.RecordSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps what the parser emits; rows as column-name maps in schema order. */
final class RecordingSink implements RecordSink {
    record Row(String dataset, Map<String, Object> values, long offset, Instant eventTime) {
        Object get(String column) {
            return values.get(column);
        }
    }

    static final List<String> COLUMNS = DatasetSchemas.get("ses_events").columnNames();

    final List<Row> rows = new ArrayList<>();
    final List<Object[]> rawRows = new ArrayList<>();
    final List<QuarantineRecord> quarantined = new ArrayList<>();
    int controls;

    @Override
    public void row(String dataset, Object[] values, long offset, Instant eventTime) {
        if (values.length != COLUMNS.size()) {
            throw new AssertionError("row has " + values.length + " values, schema has " + COLUMNS.size() + " columns");
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byName.put(COLUMNS.get(i), values[i]);
        }
        rows.add(new Row(dataset, byName, offset, eventTime));
        rawRows.add(values);
    }

    @Override
    public void quarantine(QuarantineRecord record) {
        quarantined.add(record);
    }

    @Override
    public void control() {
        controls++;
    }

    Map<ReasonCode, Long> quarantinedByReason() {
        Map<ReasonCode, Long> counts = new TreeMap<>();
        quarantined.forEach(q -> counts.merge(q.reason(), 1L, Long::sum));
        return counts;
    }

    List<Object> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }
}
