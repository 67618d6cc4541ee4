package io.tidemark.sources.cdc;

import io.tidemark.config.AuroraSalesSourceSpec;
import io.tidemark.landing.LineHandler;
import io.tidemark.landing.LineReader;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.landing.TextLine;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.ObjectParser;
import io.tidemark.sources.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The seed's Aurora trigger feed (Aurora -> Lambda -> Firehose): unquoted CSV lines without header,
 * {@code ItemID,Category,Price,Quantity,OrderDate,DestinationState,ShippingType,Referral}, insert-only.
 *
 * <p>The table has no key in the feed, so {@code sale_id} is the SHA-256 hex of the line's eight fields joined by
 * commas (the line without its line break): a redelivered line gets the same id and the same change key, and two
 * genuinely identical sales (same item, price, quantity, second, state, shipping and referral) collapse into one.
 * The change time is when the trigger fired, i.e. when the row was inserted: the Firehose arrival time of the object
 * (from its key; the window's date at 00:00 UTC for an object outside the Firehose layout). OrderDate is a business
 * date that may be months old (a historical table loaded through the trigger) and stays in {@code order_date}.
 * Lines are streamed ({@link LineReader}): CRLF, LF, blank lines (not records) and a
 * missing final line break are all accepted; a line longer than maxRecordBytes is OVERSIZED_RECORD; a line with
 * another number of fields than 8 is MALFORMED_CSV (never shifted into the columns).
 */
public final class AuroraSalesCsvParser implements ObjectParser {
    private static final long serialVersionUID = 1L;
    private static final int FIELDS = 8;

    private final LineReader lines;

    public AuroraSalesCsvParser(AuroraSalesSourceSpec spec) {
        this.lines = new LineReader(spec.maxRecordBytes());
    }

    @Override
    public List<String> datasets() {
        return List.of(SalesChange.DATASET);
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        lines.readObject(raw, new LineHandler() {
            @Override
            public void line(TextLine line) {
                parseLine(object, line.text(), line.offset(), sink);
            }

            @Override
            public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                sink.quarantine(new QuarantineRecord(object.uri(), offset, reason, detail, rawText));
            }
        });
    }

    /** When the trigger fired: the object's Firehose arrival, else the start of the window's date. */
    static Instant insertTime(LandedObject object) {
        return object.arrival() != null ? object.arrival() : object.windowDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void parseLine(LandedObject object, String line, long offset, RecordSink sink) {
        String[] f = line.split(",", -1);
        if (f.length != FIELDS) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, ReasonCode.MALFORMED_CSV, "Cannot split line "
                    + (offset + 1) + " into ItemID,Category,Price,Quantity,OrderDate,DestinationState,ShippingType,"
                    + "Referral: found " + f.length + " comma-separated fields, expected " + FIELDS, line));
            return;
        }
        try {
            Double price = SalesValues.price("Price", f[2]);
            Integer quantity = SalesValues.quantity("Quantity", f[3]);
            Instant orderDate = SalesValues.timestamp("OrderDate", f[4]);
            if (orderDate == null || f[4].isBlank()) {
                throw new BadValue(ReasonCode.BAD_TIMESTAMP, "Cannot read OrderDate: it is empty");
            }
            SalesImage image = new SalesImage(f[0], f[1], price, quantity, orderDate, f[5], f[6], f[7]);
            String saleId = DigestUtils.sha256Hex(line.getBytes(StandardCharsets.UTF_8));
            String seq = object.key() + ":" + String.format("%010d", offset + 1);
            Instant inserted = insertTime(object);
            SalesChange change = new SalesChange(SalesChange.AURORA, "I", saleId, inserted, seq, image);
            sink.row(SalesChange.DATASET, change.toRow(), offset, inserted);
        } catch (BadValue e) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, e.reason(),
                    e.getMessage() + " (line " + (offset + 1) + ")", line));
        }
    }
}
