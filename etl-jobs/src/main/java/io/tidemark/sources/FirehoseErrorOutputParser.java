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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a line or CSV family's parser the Firehose error output of its prefix ({@code processing-failed/},
 * {@code format-conversion-failed/}): those objects hold JSON error records, not the family's records. Each
 * record's {@code rawData} is decoded and parsed by the family's parser as if it were a small object of its own;
 * a record that cannot be recovered, or yields nothing, is quarantined as FIREHOSE_PROCESSING_FAILED or
 * FIREHOSE_FORMAT_CONVERSION_FAILED with Firehose's error code and message. Offsets are renumbered so they stay
 * unique within the error object. Objects outside the error folders go to the family's parser unchanged.
 */
public final class FirehoseErrorOutputParser implements ObjectParser {
    private static final long serialVersionUID = 1L;

    private final ObjectParser family;
    private final JsonDocumentReader reader;

    public FirehoseErrorOutputParser(ObjectParser family, int maxRecordBytes) {
        this.family = Objects.requireNonNull(family, "family is null");
        this.reader = new JsonDocumentReader(maxRecordBytes);
    }

    @Override
    public List<String> datasets() {
        return family.datasets();
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        if (object.errorOutput() == null) {
            family.parse(object, raw, sink);
            return;
        }
        LandedObject recovered = new LandedObject(object.uri(), object.key(), object.arrival(), null, object.windowDate(),
                object.partitionValues());
        ReasonCode unrecoverable = FirehoseErrorRecord.reason(object.errorOutput());
        Renumbering renumbering = new Renumbering(sink);
        reader.readObject(raw, new JsonDocumentHandler() {
            @Override
            public void document(JsonDocument document) {
                FirehoseErrorRecord error = FirehoseErrorRecord.from(document.node());
                Optional<byte[]> data = error.data();
                if (data.isEmpty()) {
                    renumbering.lost(object, unrecoverable, error.dataProblem(), error, RawPrefix.of(document.rawText()));
                    return;
                }
                long before = renumbering.next;
                try {
                    family.parse(recovered, new ByteArrayInputStream(data.get()), renumbering);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read decoded rawData in memory: " + e.getMessage(), e);
                }
                renumbering.endOfRecord();
                if (renumbering.next == before) {
                    renumbering.lost(object, unrecoverable, "rawData holds no record", error, RawPrefix.of(document.rawText()));
                }
            }

            @Override
            public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                renumbering.quarantine(new QuarantineRecord(object.uri(), 0, reason, detail, rawText));
                renumbering.endOfRecord();
            }
        });
    }

    /** Shifts the offsets of each recovered record past those of the records before it. */
    private static final class Renumbering implements RecordSink {
        private final RecordSink sink;
        private long base;
        private long next;

        Renumbering(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public void row(String dataset, Object[] values, long offset, Instant eventTime) {
            sink.row(dataset, values, base + offset, eventTime);
            next = Math.max(next, base + offset + 1);
        }

        @Override
        public void row(String dataset, Object[] values, Map<String, String> newFields, long offset, Instant eventTime) {
            sink.row(dataset, values, newFields, base + offset, eventTime);
            next = Math.max(next, base + offset + 1);
        }

        @Override
        public void quarantine(QuarantineRecord record) {
            long offset = base + record.offset();
            sink.quarantine(new QuarantineRecord(record.sourceObject(), offset, record.reason(), record.detail(), record.raw()));
            next = Math.max(next, offset + 1);
        }

        @Override
        public void control() {
            sink.control();
        }

        void endOfRecord() {
            base = next;
        }

        void lost(LandedObject object, ReasonCode reason, String problem, FirehoseErrorRecord error, String rawText) {
            sink.quarantine(new QuarantineRecord(object.uri(), next, reason, "Cannot recover Firehose "
                    + object.errorOutput() + " record: " + problem + "; " + error.firehoseError(), rawText));
            next++;
            base = next;
        }
    }
}
