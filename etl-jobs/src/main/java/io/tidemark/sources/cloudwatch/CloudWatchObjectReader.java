package io.tidemark.sources.cloudwatch;

import io.tidemark.config.FlowLogFormat;

import io.tidemark.landing.FirehoseErrorRecord;
import io.tidemark.landing.JsonDocument;
import io.tidemark.landing.JsonDocumentHandler;
import io.tidemark.landing.JsonDocumentReader;
import io.tidemark.landing.ReasonCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads one landed object of CloudWatch Logs subscription payloads (as Firehose writes them to S3:
 * gzip members, possibly inside gzip, zlib or zip, or plain JSON) and hands every log event to a
 * {@link CloudWatchEventSink}. Envelopes may follow each other with no separator, or be separated by
 * newlines (LF or CRLF) and blank lines.
 *
 * The envelopes are framed by {@link JsonDocumentReader}.
 *
 * <p>Bad data never throws: it becomes quarantine records. Only failures of the source itself (an
 * I/O error that is not an early end or a compression error) are thrown, as {@link UncheckedIOException},
 * so that the task can be retried.
 */
public final class CloudWatchObjectReader implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Largest envelope read (decompressed); a larger one is quarantined as OVERSIZED_RECORD without being held. */
    static final int MAX_ENVELOPE_BYTES = 64 * 1024 * 1024;

    private final Pattern flowLogGroupPattern;
    private final FlowLogLineParser lineParser;
    private final int maxRecordBytes;
    private final JsonDocumentReader envelopes = JsonDocumentReader.objectsOnly("envelope", MAX_ENVELOPE_BYTES);

    /**
     * @param flowLogGroupPattern log groups whose events are VPC flow logs (the whole name must match)
     * @param format              the flow-log format of those log groups
     * @param maxRecordBytes      largest message kept, in UTF-8 bytes; larger ones are quarantined
     */
    public CloudWatchObjectReader(Pattern flowLogGroupPattern, FlowLogFormat format, int maxRecordBytes) {
        this.flowLogGroupPattern = Objects.requireNonNull(flowLogGroupPattern, "flowLogGroupPattern is null");
        this.lineParser = new FlowLogLineParser(Objects.requireNonNull(format, "format is null"));
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("Cannot create reader: maxRecordBytes must be positive, was " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @param sourceObject the object's path or URI, copied into every event and quarantine record
     * @param raw          the object's bytes as stored (not closed here)
     * @param sink         receives events and quarantine records in object order
     */
    public ObjectReadSummary read(String sourceObject, InputStream raw, CloudWatchEventSink sink) {
        return read(sourceObject, raw, 0, null, sink);
    }

    /**
     * Reads the original payload of one Firehose error-output record (its decoded {@code rawData}: a gzip
     * CloudWatch Logs envelope). Log events are routed as in {@link #read}; a payload that cannot be decoded or
     * framed is quarantined with {@code unrecoverable} and Firehose's error in the detail.
     *
     * @param firstOffset   the offset of the payload's first log event in the object
     * @param unrecoverable FIREHOSE_PROCESSING_FAILED or FIREHOSE_FORMAT_CONVERSION_FAILED
     * @param firehoseError Firehose's error code and message ({@link FirehoseErrorRecord#firehoseError()})
     */
    public ObjectReadSummary readRecovered(String sourceObject, byte[] payload, long firstOffset,
                                           ReasonCode unrecoverable, String firehoseError, CloudWatchEventSink sink) {
        return read(sourceObject, new ByteArrayInputStream(payload), firstOffset,
                new Unrecoverable(unrecoverable, firehoseError), sink);
    }

    /** How framing problems of a recovered payload are quarantined. */
    private record Unrecoverable(ReasonCode reason, String firehoseError) {
    }

    private ObjectReadSummary read(String sourceObject, InputStream raw, long firstOffset, Unrecoverable unrecoverable,
                                   CloudWatchEventSink sink) {
        EnvelopeRouter router = new EnvelopeRouter(sourceObject, sink, flowLogGroupPattern, lineParser, maxRecordBytes,
                firstOffset);
        try {
            envelopes.readObject(raw, new JsonDocumentHandler() {
                @Override
                public void document(JsonDocument document) {
                    router.envelope(document.node());
                }

                @Override
                public void quarantine(long offset, ReasonCode reason, String detail, String rawText) {
                    // offsets of CloudWatch Logs objects count log events, not envelopes
                    if (unrecoverable == null) {
                        router.quarantine(router.logEventsRead(), reason, detail, rawText);
                    } else {
                        router.quarantine(router.logEventsRead(), unrecoverable.reason(), "Cannot recover Firehose record: "
                                + "rawData cannot be read (" + reason + ": " + detail + "); " + unrecoverable.firehoseError(), rawText);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read object " + sourceObject + ": " + e.getMessage(), e);
        }
        return router.summary();
    }
}
