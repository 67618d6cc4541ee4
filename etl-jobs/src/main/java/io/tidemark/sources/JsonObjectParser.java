package io.tidemark.sources;

import io.tidemark.landing.FirehoseErrorRecord;
import io.tidemark.landing.JsonDocument;
import io.tidemark.landing.JsonDocumentHandler;
import io.tidemark.landing.JsonDocumentReader;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.RawPrefix;
import io.tidemark.landing.ReasonCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The object parser of every JSON family: decompresses the object, frames its records
 * ({@link JsonDocumentReader}) and hands each one to the family's {@link JsonRecordParser}. Objects under a Firehose
 * error-output folder hold error records whose original records are recovered and parsed the same way.
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
        reader.readObject(raw, object.errorOutput() == null ? new Records(object, sink) : new ErrorRecords(object, sink));
    }

    /** Records of the family, straight to the record parser. */
    private final class Records implements JsonDocumentHandler {
        private final LandedObject object;
        private final RecordSink sink;

        Records(LandedObject object, RecordSink sink) {
            this.object = object;
            this.sink = sink;
        }

        @Override
        public void document(JsonDocument document) {
            recordParser.parse(document.node(), document.rawText(), document.offset(), object, sink);
        }

        @Override
        public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
            sink.quarantine(new QuarantineRecord(object.uri(), offset, reason, detail, rawText));
        }
    }

    /**
     * Firehose error-output records (FORMATS.md 1.3): the original record is recovered from {@code rawData} (plain
     * JSON, or gzip as for CloudWatch Logs payloads) and goes through the same record parser. A record that cannot
     * be recovered is quarantined as FIREHOSE_PROCESSING_FAILED or FIREHOSE_FORMAT_CONVERSION_FAILED with
     * Firehose's error code and message. Offsets number the records that come out, in object order.
     */
    private final class ErrorRecords implements JsonDocumentHandler {
        private final LandedObject object;
        private final RecordSink sink;
        private final ReasonCode unrecoverable;
        private long next;

        ErrorRecords(LandedObject object, RecordSink sink) {
            this.object = object;
            this.sink = sink;
            this.unrecoverable = FirehoseErrorRecord.reason(object.errorOutput());
        }

        @Override
        public void document(JsonDocument document) {
            FirehoseErrorRecord error = FirehoseErrorRecord.from(document.node());
            Optional<byte[]> data = error.data();
            if (data.isEmpty()) {
                lost(error.dataProblem(), error, RawPrefix.of(document.rawText()));
                return;
            }
            long before = next;
            try {
                reader.readObject(new ByteArrayInputStream(data.get()), new JsonDocumentHandler() {
                    @Override
                    public void document(JsonDocument original) {
                        recordParser.parse(original.node(), original.rawText(), next++, object, sink);
                    }

                    @Override
                    public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                        lost("rawData cannot be read (" + reason + ": " + detail + ")", error,
                                RawPrefix.printable(data.get(), Math.min(data.get().length, 4 * RawPrefix.MAX_CHARS)));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read decoded rawData in memory: " + e.getMessage(), e);
            }
            if (next == before) {
                lost("rawData holds no record", error, RawPrefix.of(document.rawText()));
            }
        }

        @Override
        public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
            sink.quarantine(new QuarantineRecord(object.uri(), next++, reason, detail, rawText));
        }

        private void lost(String problem, FirehoseErrorRecord error, String rawText) {
            sink.quarantine(new QuarantineRecord(object.uri(), next++, unrecoverable, "Cannot recover Firehose "
                    + object.errorOutput() + " record: " + problem + "; " + error.firehoseError(), rawText));
        }
    }
}
