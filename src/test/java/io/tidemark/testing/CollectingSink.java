package io.tidemark.testing;

import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.RecordSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps every row and quarantine record a parser emits, in order. */
public final class CollectingSink implements RecordSink {
    /** One emitted row. */
    public record Row(String dataset, Object[] values, long offset, Instant eventTime) {
        public Object get(int column) {
            return values[column];
        }
    }

    public final List<Row> rows = new ArrayList<>();
    public final List<QuarantineRecord> quarantined = new ArrayList<>();
    public long controls;

    @Override
    public void row(String dataset, Object[] values, long offset, Instant eventTime) {
        rows.add(new Row(dataset, values.clone(), offset, eventTime));
    }

    @Override
    public void quarantine(QuarantineRecord record) {
        quarantined.add(record);
    }

    @Override
    public void control() {
        controls++;
    }

    public Row onlyRow() {
        if (rows.size() != 1 || !quarantined.isEmpty()) {
            throw new AssertionError("expected exactly one row and no quarantine, got " + rows.size() + " rows and "
                    + quarantined);
        }
        return rows.get(0);
    }

    public QuarantineRecord onlyQuarantined() {
        if (quarantined.size() != 1 || !rows.isEmpty()) {
            throw new AssertionError("expected exactly one quarantine record and no row, got " + rows.size()
                    + " rows and " + quarantined);
        }
        return quarantined.get(0);
    }

    /** The one quarantine record, whatever rows came with it. */
    public QuarantineRecord onlyQuarantinedOr() {
        if (quarantined.size() != 1) {
            throw new AssertionError("expected exactly one quarantine record, got " + quarantined);
        }
        return quarantined.get(0);
    }

    public Map<String, Long> quarantinedByReason() {
        Map<String, Long> counts = new TreeMap<>();
        for (QuarantineRecord q : quarantined) {
            counts.merge(q.reason().name(), 1L, Long::sum);
        }
        return counts;
    }

    public List<ReasonCode> reasons() {
        return quarantined.stream().map(QuarantineRecord::reason).toList();
    }
}
