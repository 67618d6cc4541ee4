package io.tidemark.sources.reference;

import io.tidemark.config.UsersReferenceSourceSpec;
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
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One daily user reference snapshot, {@code reference/users/dt=yyyy-MM-dd/users.csv}, to {@code users_ref} rows
 * (user_id, gender, segment_id, snapshot_date). The snapshot date comes from the key's {@code dt=} folder, never from
 * the rows, and is the event time (00:00 UTC). The first non-blank record is a header when one of its fields is
 * {@code user_id}; otherwise the rows are {@code user_id,gender,segment_id}.
 *
 * <p>Quarantined: a record that cannot be split or has the wrong number of fields (MALFORMED_CSV, never shifted), a
 * user_id or segment_id that is not an integer (SCHEMA_MISMATCH), an empty user_id (MISSING_KEY), every row of an
 * object whose key has no {@code dt=} date (BAD_TIMESTAMP), a row longer than maxRecordBytes bytes
 * (OVERSIZED_RECORD), the record a compression failure cut (TRUNCATED_OBJECT / CORRUPT_COMPRESSION). A user_id
 * repeated inside one snapshot is emitted each time; the dataset's key dedup keeps the first (lowest offset).
 */
public final class UsersCsvParser implements ObjectParser {
    private static final long serialVersionUID = 1L;
    public static final String DATASET = "users_ref";
    private static final Pattern LONG = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern INT = Pattern.compile("[+-]?\\d{1,10}");

    private final CsvRecordReader reader;

    public UsersCsvParser(UsersReferenceSourceSpec spec) {
        this.reader = new CsvRecordReader(spec.maxRecordBytes());
    }

    @Override
    public List<String> datasets() {
        return List.of(DATASET);
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        Optional<LocalDate> snapshot = SnapshotDate.fromKey(object.key());
        reader.readObject(raw, new CsvRecordHandler() {
            private UsersColumns columns;

            @Override
            public void record(CsvRecord record) {
                if (columns == null) {
                    Optional<UsersColumns> header = UsersColumns.fromHeader(record);
                    columns = header.orElse(UsersColumns.positional());
                    if (header.isPresent()) {
                        return;
                    }
                }
                row(object, snapshot, columns, record, sink);
            }

            @Override
            public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                sink.quarantine(new QuarantineRecord(object.uri(), offset, reason, detail, rawText));
            }
        });
    }

    private static void row(LandedObject object, Optional<LocalDate> snapshot, UsersColumns columns, CsvRecord record,
                            RecordSink sink) {
        List<String> fields = record.fields();
        if (fields.size() != columns.width()) {
            quarantine(sink, object, record, ReasonCode.MALFORMED_CSV, "Cannot read users row: expected "
                    + columns.width() + " fields as in " + columns.describe() + ", got " + fields.size());
            return;
        }
        String userText = fields.get(columns.userId()).trim();
        if (userText.isEmpty()) {
            quarantine(sink, object, record, ReasonCode.MISSING_KEY, "Cannot read users row: user_id is empty");
            return;
        }
        Long userId = LONG.matcher(userText).matches() ? parseLong(userText) : null;
        if (userId == null) {
            quarantine(sink, object, record, ReasonCode.SCHEMA_MISMATCH, "Cannot read users row: user_id '" + userText
                    + "' is not a bigint");
            return;
        }
        String segmentText = columns.segmentId() < 0 ? "" : fields.get(columns.segmentId()).trim();
        Integer segmentId = null;
        if (!segmentText.isEmpty()) {
            segmentId = INT.matcher(segmentText).matches() ? parseInt(segmentText) : null;
            if (segmentId == null) {
                quarantine(sink, object, record, ReasonCode.SCHEMA_MISMATCH, "Cannot read users row: segment_id '"
                        + segmentText + "' is not an int (expected digits or empty)");
                return;
            }
        }
        if (snapshot.isEmpty()) {
            quarantine(sink, object, record, ReasonCode.BAD_TIMESTAMP, "Cannot date users row: the key '" + object.key()
                    + "' has no dt=yyyy-MM-dd folder to give the snapshot date");
            return;
        }
        String gender = columns.gender() < 0 ? null : fields.get(columns.gender()).trim();
        LocalDate date = snapshot.get();
        Instant eventTime = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        sink.row(DATASET, new Object[] {userId, gender == null || gender.isEmpty() ? null : gender, segmentId,
                Date.valueOf(date)}, record.offset(), eventTime);
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void quarantine(RecordSink sink, LandedObject object, CsvRecord record, ReasonCode reason, String detail) {
        sink.quarantine(new QuarantineRecord(object.uri(), record.offset(), reason, detail, record.raw()));
    }
}
