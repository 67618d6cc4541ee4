package io.tidemark.sources.clickstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.JsonRecordParser;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.NewFields;
import io.tidemark.sources.RecordSink;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One clickstream record ({@code {"article_id","user_id","action"}} plus optional {@code event_id} and
 * {@code timestamp}) to one {@code click_events} row, in the schema's column order:
 * event_key, event_id, article_id, user_id, action, event_ts, event_ts_from_arrival. Any other top-level scalar
 * field goes with the row as a new field ({@link NewFields}); the curate step adds it as a column when the schema
 * says so ({@code "evolution": {"newFields": "add"}}).
 *
 * <p>The event time is the record's {@code timestamp}; without one it is the object's Firehose arrival time (or,
 * for an object whose key is not a Firehose key, the window date at 00:00 UTC) and event_ts_from_arrival is true.
 * Bad records are quarantined: MISSING_KEY for an absent/null/blank article_id, user_id or action (the fields of the
 * record's grain and its dimension join keys), SCHEMA_MISMATCH for a present field of the wrong type or a document
 * that is not a JSON object, BAD_TIMESTAMP for a timestamp that cannot be read.
 */
public final class ClickstreamParser implements JsonRecordParser {
    private static final long serialVersionUID = 1L;
    public static final String DATASET = "click_events";
    static final String ARTICLE_ID = "article_id";
    static final String USER_ID = "user_id";
    /** The raw fields this parser maps to columns; every other scalar field is a new field. */
    static final Set<String> KNOWN_FIELDS = Set.of(EventIdField.NAME, ARTICLE_ID, USER_ID, ActionField.NAME, EventTimestamp.NAME);
    /** Quarantined raw text is cut to this many characters. */
    static final int MAX_RAW_CHARS = 64 * 1024;

    @Override
    public List<String> datasets() {
        return List.of(DATASET);
    }

    @Override
    public void parse(JsonNode document, String rawText, long offset, LandedObject object, RecordSink sink) {
        if (document == null || !document.isObject()) {
            String type = document == null ? "nothing" : "a JSON " + document.getNodeType().name().toLowerCase(Locale.ROOT);
            quarantine(sink, object, offset, rawText, ReasonCode.SCHEMA_MISMATCH,
                    "Cannot read clickstream record: expected a JSON object, got " + type);
            return;
        }
        FieldValue<String> eventId = EventIdField.read(document);
        FieldValue<Long> articleId = IdField.read(document, ARTICLE_ID);
        FieldValue<Long> userId = IdField.read(document, USER_ID);
        FieldValue<String> action = ActionField.read(document);
        FieldValue<Instant> timestamp = EventTimestamp.read(document);
        for (FieldValue<?> field : List.of(articleId, userId, action, eventId, timestamp)) {
            if (field.failed()) {
                quarantine(sink, object, offset, rawText, field.problem(), field.detail());
                return;
            }
        }
        boolean fromArrival = timestamp.value() == null;
        Instant eventTime = fromArrival ? fallbackTime(object) : timestamp.value();
        Object[] values = {
                EventKey.of(eventId.value(), document, object),
                eventId.value(),
                articleId.value(),
                userId.value(),
                action.value(),
                Timestamp.from(eventTime),
                fromArrival};
        sink.row(DATASET, values, NewFields.of(document, KNOWN_FIELDS), offset, eventTime);
    }

    private static Instant fallbackTime(LandedObject object) {
        return object.arrival() != null ? object.arrival() : object.windowDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void quarantine(RecordSink sink, LandedObject object, long offset, String rawText, ReasonCode reason,
                                   String detail) {
        String raw = rawText == null ? "" : rawText.length() > MAX_RAW_CHARS ? rawText.substring(0, MAX_RAW_CHARS) : rawText;
        sink.quarantine(new QuarantineRecord(object.uri(), offset, reason, detail, raw));
    }
}
