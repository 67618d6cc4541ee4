package io.tidemark.sources;

import io.tidemark.landing.JsonDocument;
import io.tidemark.landing.JsonDocumentHandler;
import io.tidemark.landing.JsonDocumentReader;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * The object parser of every JSON family: decompresses the object, frames its records
 * ({@link JsonDocumentReader}) and hands each one to the family's {@link JsonRecordParser}.
 */
public final class JsonObjectParser implements ObjectParser {
    private static final long serialVersionUID = 1L;

    private final JsonRecordParser recordParser;
    private final JsonDocumentReader reader;

    /**
     * @param recordParser   the family's record parser
     * @param maxRecordBytes largest record kept, in bytes; larger ones are quarantined as OVERSIZED_RECORD
     */
    public JsonObjectParser(JsonRecordParser recordParser, int maxRecordBytes) {
        this.recordParser = Objects.requireNonNull(recordParser, "recordParser is null");
        this.reader = new JsonDocumentReader(maxRecordBytes);
    }

    @Override
    public List<String> datasets() {
        return recordParser.datasets();
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        reader.readObject(raw, new JsonDocumentHandler() {
            @Override
            public void document(JsonDocument document) {
                recordParser.parse(document.node(), document.rawText(), document.offset(), object, sink);
            }

            @Override
            public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                sink.quarantine(new QuarantineRecord(object.uri(), offset, reason, detail, rawText));
            }
        });
    }
}
