package io.tidemark.sources.cdc;

import io.tidemark.config.DmsSourceSpec;
import io.tidemark.landing.CsvRecord;
import io.tidemark.landing.CsvRecordHandler;
import io.tidemark.landing.CsvRecordReader;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.ObjectParser;
import io.tidemark.sources.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * AWS DMS S3-target CSV files of the {@code sales} table (FORMATS 5). Full-load files ({@code LOAD<hex>.csv}) hold
 * rows without Op (read as inserts); CDC files ({@code yyyyMMdd-HHmmss<fraction>.csv}) start each row with Op
 * I/U/D, the after image for I/U and the before image for D. RFC 4180 quoting; the unquoted null marker is null,
 * a quoted one is the string. Records are streamed ({@link CsvRecordReader}): one longer than maxRecordBytes is
 * OVERSIZED_RECORD, never held whole. With a header, the header is record 0.
 *
 * <p>Change time: the configured timestamp column, else the CDC file name's time, else (full load) the window date
 * at 00:00 UTC. Source sequence: the file name and the record's 1-based position in the file, zero-padded to 10
 * digits, so a redelivered file yields the same keys and sorting by it orders rows as DMS wrote them.
 */
public final class DmsCsvParser implements ObjectParser {
    private static final long serialVersionUID = 1L;
    private final DmsSourceSpec spec;

    public DmsCsvParser(DmsSourceSpec spec) {
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    @Override
    public List<String> datasets() {
        return List.of(SalesChange.DATASET);
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        DmsFileName name = DmsFileName.parse(object.fileName());
        if (name == null) {
            sink.quarantine(new QuarantineRecord(object.uri(), 0, ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read object '"
                    + object.fileName() + "' as DMS output: expected a full-load file LOAD<8 hex digits>.csv[.gz] or a "
                    + "CDC file yyyyMMdd-HHmmss<fraction>.csv[.gz]", ""));
            return;
        }
        boolean withOp = !name.fullLoad() || spec.opInFullLoad();
        new CsvRecordReader(spec.maxRecordBytes()).readObject(raw, new CsvRecordHandler() {
            @Override
            public void record(CsvRecord record) {
                if (!(spec.header() && record.offset() == 0)) {
                    parseRecord(object, name, withOp, record, sink);
                }
            }

            @Override
            public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                sink.quarantine(new QuarantineRecord(object.uri(), offset, reason,
                        detail + " (record " + (offset + 1) + " of " + object.fileName() + ")", rawText));
            }
        });
    }

    private void parseRecord(LandedObject object, DmsFileName name, boolean withOp, CsvRecord record,
                             RecordSink sink) {
        long offset = record.offset();
        String where = " (record " + (offset + 1) + " of " + object.fileName() + ")";
        List<String> columns = spec.columns();
        int expected = columns.size() + (withOp ? 1 : 0);
        if (record.fields().size() != expected) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, ReasonCode.MALFORMED_CSV, "Cannot split record"
                    + where + ": found " + record.fields().size() + " fields, expected " + expected + " ("
                    + (withOp ? "Op," : "") + String.join(",", columns) + ")", record.raw()));
            return;
        }
        String op = "I";
        if (withOp) {
            op = record.fields().get(0);
            if (!op.equals("I") && !op.equals("U") && !op.equals("D")) {
                sink.quarantine(new QuarantineRecord(object.uri(), offset, ReasonCode.UNKNOWN_RECORD_TYPE,
                        "Cannot read Op '" + op + "'" + where + ": expected I, U or D", record.raw()));
                return;
            }
        }
        int first = withOp ? 1 : 0;
        try {
            String saleId = value(record, first, SalesColumn.SALE_ID);
            if (saleId == null || saleId.isEmpty()) {
                throw new BadValue(ReasonCode.MISSING_KEY, "Cannot read sale_id: it is " + (saleId == null ? "null" : "empty"));
            }
            Instant changeTs = changeTime(object, name, record, first);
            SalesImage image = new SalesImage(
                    value(record, first, SalesColumn.ITEM_ID),
                    value(record, first, SalesColumn.CATEGORY),
                    SalesValues.price("price", value(record, first, SalesColumn.PRICE)),
                    SalesValues.quantity("quantity", value(record, first, SalesColumn.QUANTITY)),
                    SalesValues.timestamp("order_date", value(record, first, SalesColumn.ORDER_DATE)),
                    value(record, first, SalesColumn.DESTINATION_STATE),
                    value(record, first, SalesColumn.SHIPPING_TYPE),
                    value(record, first, SalesColumn.REFERRAL));
            String seq = object.fileName() + ":" + String.format("%010d", offset + 1);
            SalesChange change = new SalesChange(SalesChange.DMS, op, saleId, changeTs, seq, image);
            sink.row(SalesChange.DATASET, change.toRow(), offset, changeTs);
        } catch (BadValue e) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, e.reason(), e.getMessage() + where, record.raw()));
        }
    }

    private Instant changeTime(LandedObject object, DmsFileName name, CsvRecord record, int first) throws BadValue {
        if (spec.timestampColumn() != null) {
            Instant ts = SalesValues.timestamp(spec.timestampColumn(), value(record, first, spec.timestampColumn()));
            if (ts == null) {
                throw new BadValue(ReasonCode.BAD_TIMESTAMP, "Cannot read " + spec.timestampColumn() + ": it is null");
            }
            return ts;
        }
        return name.fullLoad() ? object.windowDate().atStartOfDay(ZoneOffset.UTC).toInstant() : name.cdcTime();
    }

    /** The field of a named column (null when the column is not configured or holds the unquoted null marker). */
    private String value(CsvRecord record, int first, String column) {
        int index = spec.columns().indexOf(column);
        if (index < 0) {
            return null;
        }
        String text = record.fields().get(first + index);
        boolean quoted = record.quoted().get(first + index);
        return !quoted && text.equals(spec.nullMarker()) ? null : text;
    }
}
