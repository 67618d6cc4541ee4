package io.tidemark.sources.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.DebeziumSourceSpec;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.JsonRecordParser;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.RecordSink;
import java.time.Instant;
import java.util.List;

/**
 * Debezium change events (FORMATS 6), one JSON document each, with schema ({@code {"schema":..,"payload":..}},
 * {@code schema} may be null) or bare. Ops: c and r (snapshot, an upsert) -> I, u -> U, d -> D (from the before
 * image); t, m and anything else are UNKNOWN_RECORD_TYPE. Tombstones (null, empty document, null payload) are
 * control traffic. A primary-key change arrives as d + c and flows through as two changes.
 *
 * <p>Change time: {@code source.ts_ms} when positive (snapshot events of older connectors carry 0), else the
 * envelope's {@code ts_ms}. Source sequence, sortable within a connector: MySQL binlog file + pos (20 digits) + row
 * (10 digits); Postgres lsn (20 digits); SQL Server commit_lsn + change_lsn + event_serial_no; else the change
 * time in epoch millis (20 digits).
 */
public final class DebeziumParser implements JsonRecordParser {
    private static final long serialVersionUID = 1L;
    private final DebeziumSourceSpec spec;

    public DebeziumParser(DebeziumSourceSpec spec) {
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    @Override
    public List<String> datasets() {
        return List.of(SalesChange.DATASET);
    }

    @Override
    public void parse(JsonNode document, String rawText, long offset, LandedObject object, RecordSink sink) {
        String raw = rawText == null ? "" : rawText;
        if (DebeziumValues.absent(document) || (document.isObject() && document.isEmpty())) {
            sink.control();
            return;
        }
        if (!document.isObject()) {
            quarantine(object, offset, ReasonCode.SCHEMA_MISMATCH,
                    "Cannot read change event: expected a JSON object, found " + document.getNodeType(), raw, sink);
            return;
        }
        boolean wrapped = document.has("payload") && !document.has("op");
        JsonNode payload = wrapped ? document.get("payload") : document;
        JsonNode schema = wrapped ? document.get("schema") : null;
        if (DebeziumValues.absent(payload) || (payload.isObject() && payload.isEmpty())) {
            sink.control();
            return;
        }
        String op = payload.path("op").asText("");
        String normalized = switch (op) {
            case "c", "r" -> "I";
            case "u" -> "U";
            case "d" -> "D";
            default -> null;
        };
        if (normalized == null) {
            quarantine(object, offset, ReasonCode.UNKNOWN_RECORD_TYPE, "Cannot read change event op '" + op
                    + "': expected c, r, u or d (t truncate and m message carry no row)", raw, sink);
            return;
        }
        String imageName = normalized.equals("D") ? "before" : "after";
        JsonNode image = payload.get(imageName);
        try {
            if (image == null || !image.isObject()) {
                throw new BadValue(normalized.equals("D") ? ReasonCode.MISSING_KEY : ReasonCode.SCHEMA_MISMATCH,
                        "Cannot read op '" + op + "' event: its '" + imageName + "' image is " + (image == null ? "missing" : image));
            }
            String saleId = DebeziumValues.text(spec.keyField(), image.get(spec.keyField()));
            if (saleId == null || saleId.isEmpty()) {
                throw new BadValue(ReasonCode.MISSING_KEY, "Cannot read key field '" + spec.keyField() + "' of the '"
                        + imageName + "' image: it is " + (saleId == null ? "absent or null" : "empty"));
            }
            Instant changeTs = changeTime(payload);
            DebeziumImageReader reader = new DebeziumImageReader(spec, image, fieldSchemas(schema, imageName));
            SalesChange change = new SalesChange(SalesChange.DEBEZIUM, normalized, saleId, changeTs,
                    sequence(payload.path("source"), changeTs), reader.read());
            sink.row(SalesChange.DATASET, change.toRow(), offset, changeTs);
        } catch (BadValue e) {
            quarantine(object, offset, e.reason(), e.getMessage(), raw, sink);
        }
    }

    private static Instant changeTime(JsonNode payload) throws BadValue {
        JsonNode sourceTs = payload.path("source").path("ts_ms");
        if (sourceTs.isIntegralNumber() && sourceTs.longValue() > 0) {
            return Instant.ofEpochMilli(sourceTs.longValue());
        }
        JsonNode ts = payload.path("ts_ms");
        if (ts.isIntegralNumber() && ts.longValue() > 0) {
            return Instant.ofEpochMilli(ts.longValue());
        }
        throw new BadValue(ReasonCode.BAD_TIMESTAMP, "Cannot read the change time: source.ts_ms is " + sourceTs
                + " and ts_ms is " + ts + ", expected epoch milliseconds");
    }

    static String sequence(JsonNode source, Instant changeTs) {
        String file = source.path("file").asText("");
        if (!file.isEmpty()) {
            return "mysql:" + file + ":" + String.format("%020d", source.path("pos").asLong()) + ":"
                    + String.format("%010d", source.path("row").asLong());
        }
        if (source.path("lsn").isIntegralNumber()) {
            return "postgresql:" + String.format("%020d", source.path("lsn").asLong());
        }
        String commitLsn = source.path("commit_lsn").asText("");
        if (!commitLsn.isEmpty()) {
            return "sqlserver:" + commitLsn + ":" + source.path("change_lsn").asText("") + ":"
                    + String.format("%010d", source.path("event_serial_no").asLong());
        }
        return "ts:" + String.format("%020d", changeTs.toEpochMilli());
    }

    /** The Connect schema fields of the before/after struct, or null without a schema. */
    private static JsonNode fieldSchemas(JsonNode schema, String imageName) {
        if (DebeziumValues.absent(schema)) {
            return null;
        }
        for (JsonNode field : schema.path("fields")) {
            if (imageName.equals(field.path("field").asText())) {
                return field.path("fields");
            }
        }
        return null;
    }

    private static void quarantine(LandedObject object, long offset, ReasonCode reason, String detail, String raw,
                                   RecordSink sink) {
        sink.quarantine(new QuarantineRecord(object.uri(), offset, reason, detail, raw));
    }
}
