package io.tidemark.sources.guardduty;

import io.tidemark.landing.QuarantineRecord;
import io.tidemark.sources.RecordSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps the rows and quarantine records a parser emits. */
final class CollectingSink implements RecordSink {
    record Row(String dataset, Object[] values, long offset, Instant eventTime) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<QuarantineRecord> quarantined = new ArrayList<>();
    int controls;

    @Override
    public void row(String dataset, Object[] values, long offset, Instant eventTime) {
        rows.add(new Row(dataset, values, offset, eventTime));
    }

    @Override
    public void quarantine(QuarantineRecord record) {
        quarantined.add(record);
    }

    @Override
    public void control() {
        controls++;
    }
}
