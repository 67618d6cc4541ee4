package io.tidemark.testing;

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
import java.util.function.Consumer;

/**
 * Keeps every row and quarantine record a parser emits, in order: the one {@link RecordSink} fake of the tests.
 * {@link #of(String)} makes a strict one that fails as soon as a row is not of the dataset or has not its schema's
 * column count; {@link #noControls()} and {@link #checking(Consumer)} add checks on arrival.
 */
public final class CollectingSink implements RecordSink {
    /** One emitted row. */
    public record Row(String dataset, Object[] values, long offset, Instant eventTime) {
        public Object get(int column) {
            return values[column];
        }

        /** The value of a column by name, in the order of the dataset's schema. */
        public Object get(String column) {
            int index = DatasetSchemas.get(dataset).columnNames().indexOf(column);
            if (index < 0) {
                throw new AssertionError(dataset + " has no column " + column);
            }
            return values[index];
        }

        /** Column name to value, in the order of the dataset's schema. */
        public Map<String, Object> asMap() {
            List<String> columns = DatasetSchemas.get(dataset).columnNames();
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                byName.put(columns.get(i), values[i]);
            }
            return byName;
        }
    }

    public final List<Row> rows = new ArrayList<>();
    public final List<QuarantineRecord> quarantined = new ArrayList<>();
    public long controls;
    private final String dataset;
    private final boolean controlsAllowed;
    private final Consumer<Row> check;

    /** A sink that takes any row. */
    public CollectingSink() {
        this(null, true, row -> { });
    }

    private CollectingSink(String dataset, boolean controlsAllowed, Consumer<Row> check) {
        this.dataset = dataset;
        this.controlsAllowed = controlsAllowed;
        this.check = check;
    }

    /** A sink that fails on a row of another dataset or with another column count than the dataset's schema. */
    public static CollectingSink of(String dataset) {
        return new CollectingSink(dataset, true, row -> { });
    }

    /** The same sink, failing on a control message. */
    public CollectingSink noControls() {
        return new CollectingSink(dataset, false, check);
    }

    /** The same sink, running {@code more} on every row as it arrives. */
    public CollectingSink checking(Consumer<Row> more) {
        return new CollectingSink(dataset, controlsAllowed, check.andThen(more));
    }

    @Override
    public void row(String dataset, Object[] values, long offset, Instant eventTime) {
        if (this.dataset != null) {
            int columns = DatasetSchemas.get(this.dataset).columnNames().size();
            if (!this.dataset.equals(dataset) || values.length != columns) {
                throw new AssertionError("expected a " + this.dataset + " row of " + columns + " values, got a " + dataset
                        + " row of " + values.length);
            }
        }
        Row row = new Row(dataset, values.clone(), offset, eventTime);
        check.accept(row);
        rows.add(row);
    }

    @Override
    public void quarantine(QuarantineRecord record) {
        quarantined.add(record);
    }

    @Override
    public void control() {
        if (!controlsAllowed) {
            throw new AssertionError("no control message expected");
        }
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

    /** The value of a column of one row, by name. */
    public Object get(int row, String column) {
        return rows.get(row).get(column);
    }

    /** A column's values, row by row. */
    public List<Object> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    public List<Long> offsets() {
        return rows.stream().map(Row::offset).toList();
    }

    public List<Instant> eventTimes() {
        return rows.stream().map(Row::eventTime).toList();
    }

    public Map<String, Long> quarantinedByReason() {
        Map<String, Long> counts = new TreeMap<>();
        for (QuarantineRecord q : quarantined) {
            counts.merge(q.reason().name(), 1L, Long::sum);
        }
        return counts;
    }

    /** Quarantine records per reason, in reason order. */
    public Map<ReasonCode, Long> reasonCounts() {
        Map<ReasonCode, Long> counts = new TreeMap<>();
        quarantined.forEach(q -> counts.merge(q.reason(), 1L, Long::sum));
        return counts;
    }

    public List<ReasonCode> reasons() {
        return quarantined.stream().map(QuarantineRecord::reason).toList();
    }
}
