package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import io.tidemark.config.CloudWatchLogsSourceSpec;
import io.tidemark.landing.FirehoseErrorRecord;
import io.tidemark.landing.JsonDocument;
import io.tidemark.landing.JsonDocumentHandler;
import io.tidemark.landing.JsonDocumentReader;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.RawPrefix;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.ObjectParser;
import io.tidemark.sources.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch Logs subscription records as Firehose lands them: VPC flow logs (log groups matching the job's
 * pattern) to {@code vpc_flow_logs}, every other log group to {@code app_logs}. Rows follow the schemas'
 * column order: the log event's id, timestamp, owner, group and stream, then the flow-log fields or the message.
 */
public final class CloudWatchLogsParser implements ObjectParser {
    private static final long serialVersionUID = 1L;
    public static final String FLOW_DATASET = "vpc_flow_logs";
    public static final String APP_DATASET = "app_logs";
    private static final int START = FlowLogFormat.canonicalColumns().indexOf("start");

    private final CloudWatchObjectReader reader;
    private final JsonDocumentReader errorRecords = new JsonDocumentReader(CloudWatchObjectReader.MAX_ENVELOPE_BYTES);

    public CloudWatchLogsParser(CloudWatchLogsSourceSpec spec) {
        this.reader = new CloudWatchObjectReader(spec.flowLogGroupRegex(), FlowLogFormat.parse(spec.flowLogFormat()),
                spec.maxRecordBytes());
    }

    @Override
    public List<String> datasets() {
        return List.of(FLOW_DATASET, APP_DATASET);
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        if (object.errorOutput() != null) {
            parseErrorOutput(object, raw, sink);
            return;
        }
        ObjectReadSummary summary = reader.read(object.uri(), raw, eventSink(sink));
        for (long i = 0; i < summary.controlMessages(); i++) {
            sink.control();
        }
    }

    /**
     * Firehose error output: each error record's rawData is a gzip CloudWatch Logs payload, recovered and read as
     * usual (offsets keep counting log events across the object); records that cannot be recovered are quarantined
     * as FIREHOSE_PROCESSING_FAILED or FIREHOSE_FORMAT_CONVERSION_FAILED with Firehose's error.
     */
    private void parseErrorOutput(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        ReasonCode unrecoverable = FirehoseErrorRecord.reason(object.errorOutput());
        CloudWatchEventSink events = eventSink(sink);
        long[] nextOffset = {0};
        errorRecords.readObject(raw, new JsonDocumentHandler() {
            @Override
            public void document(JsonDocument document) {
                FirehoseErrorRecord error = FirehoseErrorRecord.from(document.node());
                Optional<byte[]> payload = error.data();
                if (payload.isEmpty()) {
                    sink.quarantine(new QuarantineRecord(object.uri(), nextOffset[0], unrecoverable, "Cannot recover Firehose "
                            + object.errorOutput() + " record: " + error.dataProblem() + "; " + error.firehoseError(),
                            RawPrefix.of(document.rawText())));
                    return;
                }
                ObjectReadSummary summary = reader.readRecovered(object.uri(), payload.get(), nextOffset[0], unrecoverable,
                        error.firehoseError(), events);
                nextOffset[0] += summary.logEvents();
                for (long i = 0; i < summary.controlMessages(); i++) {
                    sink.control();
                }
                if (summary.envelopes() == 0 && summary.quarantined() == 0) {
                    sink.quarantine(new QuarantineRecord(object.uri(), nextOffset[0], unrecoverable, "Cannot recover Firehose "
                            + object.errorOutput() + " record: rawData holds no envelope; " + error.firehoseError(),
                            RawPrefix.of(document.rawText())));
                }
            }

            @Override
            public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                sink.quarantine(new QuarantineRecord(object.uri(), nextOffset[0], reason, detail, rawText));
            }
        });
    }

    private static CloudWatchEventSink eventSink(RecordSink sink) {
        return new CloudWatchEventSink() {
            @Override
            public void flowLog(FlowLogEvent event) {
                Object[] fields = event.fields();
                Object[] values = new Object[5 + fields.length];
                fillContext(values, event.context());
                System.arraycopy(fields, 0, values, 5, fields.length);
                Instant start = Instant.ofEpochSecond(((Number) fields[START]).longValue());
                sink.row(FLOW_DATASET, values, event.context().offset(), start);
            }

            @Override
            public void appLog(AppLogEvent event) {
                Object[] values = new Object[6];
                fillContext(values, event.context());
                values[5] = event.message();
                sink.row(APP_DATASET, values, event.context().offset(), Instant.ofEpochMilli(event.context().timestampMs()));
            }

            @Override
            public void quarantine(QuarantineRecord record) {
                sink.quarantine(record);
            }
        };
    }

    private static void fillContext(Object[] values, LogEventContext context) {
        values[0] = context.eventId();
        values[1] = new Timestamp(context.timestampMs());
        values[2] = context.owner();
        values[3] = context.logGroup();
        values[4] = context.logStream();
    }
}
