package io.tidemark.sources.flowlines;

import io.tidemark.config.ColumnSpec;
import io.tidemark.config.DatasetSchemas;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.RecordSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps the rows (as column name -> value, schema order) and quarantine records a parser emits. */
final class LinesSink implements RecordSink {
    static final List<String> COLUMNS =
            DatasetSchemas.get("vpc_flow_logs").columns().stream().map(ColumnSpec::name).toList();

    final List<Map<String, Object>> rows = new ArrayList<>();
    final List<Long> offsets = new ArrayList<>();
    final List<Instant> eventTimes = new ArrayList<>();
    final List<QuarantineRecord> quarantined = new ArrayList<>();

    @Override
    public void row(String dataset, Object[] values, long offset, Instant eventTime) {
        if (!dataset.equals("vpc_flow_logs") || values.length != COLUMNS.size()) {
            throw new AssertionError("bad row for " + dataset + ": " + values.length + " values");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(COLUMNS.get(i), values[i]);
        }
        rows.add(row);
        offsets.add(offset);
        eventTimes.add(eventTime);
    }

    @Override
    public void quarantine(QuarantineRecord record) {
        quarantined.add(record);
    }

    @Override
    public void control() {
        throw new AssertionError("flow-log lines have no control messages");
    }

    List<Object> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    List<String> reasons() {
        return quarantined.stream().map(q -> q.reason().name()).toList();
    }
}
