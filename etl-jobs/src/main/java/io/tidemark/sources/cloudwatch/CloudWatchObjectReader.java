package io.tidemark.sources.cloudwatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.landing.LookaheadInputStream;
import io.tidemark.landing.ObjectDecompressor;
import io.tidemark.landing.ReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Reads one landed object of CloudWatch Logs subscription payloads (as Firehose writes them to S3:
 * gzip members, possibly inside gzip, zlib or zip, or plain JSON) and hands every log event to a
 * {@link CloudWatchEventSink}. Envelopes may follow each other with no separator, or be separated by
 * newlines (LF or CRLF) and blank lines.
 *
 * <p>Bad data never throws: it becomes quarantine records. Only failures of the source itself (an
 * I/O error that is not an early end or a compression error) are thrown, as {@link UncheckedIOException},
 * so that the task can be retried.
 */
public final class CloudWatchObjectReader implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Enough to push back the JSON parser's read-ahead buffer (8000 bytes) when resynchronising. */
    private static final int PUSHBACK_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

    private final Pattern flowLogGroupPattern;
    private final FlowLogLineParser lineParser;
    private final int maxRecordBytes;

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
        EnvelopeRouter router = new EnvelopeRouter(sourceObject, sink, flowLogGroupPattern, lineParser, maxRecordBytes);
        TrackedInputStream content = null;
        try {
            content = new TrackedInputStream(ObjectDecompressor.open(new FilterInputStream(raw) {
                @Override
                public void close() {
                    // the caller owns raw; closing the decompressors only releases their inflaters
                }
            }));
            readEnvelopes(content, router);
        } catch (IOException e) {
            quarantineFailure(sourceObject, e, content, router);
        } finally {
            closeQuietly(content);
        }
        return router.summary();
    }

    private void readEnvelopes(TrackedInputStream content, EnvelopeRouter router) throws IOException {
        LookaheadInputStream in = new LookaheadInputStream(content, PUSHBACK_BYTES);
        if (!startsWithJsonObject(in, router)) {
            return;
        }
        JsonParser parser = MAPPER.createParser(in);
        while (true) {
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new JsonParseException(parser, "expected '{' starting an envelope, found " + token);
                }
                JsonNode envelope = MAPPER.readTree(parser);
                router.envelope(envelope);
            } catch (JsonProcessingException e) {
                if (content.failure() != null || e instanceof JsonEOFException) {
                    throw e;
                }
                if (!resynchronise(parser, in, e, router)) {
                    return;
                }
                parser = MAPPER.createParser(in);
            }
        }
    }

    /**
     * Skips whitespace (and a UTF-8 BOM). Returns true if a '{' follows; quarantines the object as
     * CORRUPT_COMPRESSION if something else follows; returns false for an empty object.
     */
    private static boolean startsWithJsonObject(LookaheadInputStream in, EnvelopeRouter router) throws IOException {
        int b = in.read();
        if (b == 0xEF) {
            int b1 = in.read();
            int b2 = in.read();
            if (b1 == 0xBB && b2 == 0xBF) {
                b = in.read();
            } else {
                unread(in, b2);
                unread(in, b1);
            }
        }
        while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            b = in.read();
        }
        if (b < 0) {
            return false;
        }
        if (b == '{') {
            in.unread(b);
            return true;
        }
        byte[] head = new byte[64];
        head[0] = (byte) b;
        int n = 1 + Math.max(0, in.readNBytes(head, 1, head.length - 1));
        router.quarantine(0, ReasonCode.CORRUPT_COMPRESSION, String.format(
                "Cannot read object: it is neither gzip, zlib, zip nor JSON (first content byte 0x%02x)", b),
                RawPrefix.printable(head, n));
        return false;
    }

    private static void unread(LookaheadInputStream in, int b) throws IOException {
        if (b >= 0) {
            in.unread(b);
        }
    }

    /**
     * After a JSON syntax error: quarantines the unreadable part and positions {@code in} at the next
     * line that starts with '{' (newline-delimited objects). Returns false if no such line follows,
     * in which case the rest of the object is in the quarantine record.
     */
    private static boolean resynchronise(JsonParser parser, LookaheadInputStream in, JsonProcessingException error,
                                         EnvelopeRouter router) throws IOException {
        ByteArrayOutputStream readAhead = new ByteArrayOutputStream();
        parser.releaseBuffered(readAhead);
        parser.close();
        in.unread(readAhead.toByteArray());

        byte[] skipped = new byte[RawPrefix.MAX_CHARS];
        int kept = 0;
        long skippedBytes = 0;
        boolean found = false;
        IOException failure = null;
        try {
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '{' && previous == '\n') {
                    in.unread(b);
                    found = true;
                    break;
                }
                if (kept < skipped.length) {
                    skipped[kept++] = (byte) b;
                }
                skippedBytes++;
                previous = b;
            }
        } catch (IOException e) {
            failure = e;
        }
        String where = error.getLocation() == null ? "" : " at line " + error.getLocation().getLineNr()
                + " column " + error.getLocation().getColumnNr();
        String outcome = found
                ? "; skipped " + skippedBytes + " bytes to the next line starting with '{'"
                : failure != null
                ? "; the object then failed after " + skippedBytes + " more bytes"
                : "; no later line starts with '{', so the rest of the object (" + skippedBytes + " bytes) is dropped";
        router.quarantine(router.logEventsRead(), ReasonCode.MALFORMED_JSON,
                "Cannot parse envelope: " + error.getOriginalMessage() + where + outcome,
                RawPrefix.printable(skipped, kept));
        if (failure != null) {
            throw failure;
        }
        return found;
    }

    private static void closeQuietly(InputStream content) {
        if (content == null) {
            return;
        }
        try {
            content.close();
        } catch (IOException | RuntimeException e) {
            // nothing was lost: every byte that could be read has been handled
        }
    }

    private static void quarantineFailure(String sourceObject, IOException thrown, TrackedInputStream content,
                                          EnvelopeRouter router) {
        IOException cause = content != null && content.failure() != null ? content.failure() : thrown;
        long offset = router.logEventsRead();
        boolean contentRead = content != null && content.bytesRead() > 0;
        if (cause instanceof JsonEOFException) {
            router.quarantine(offset, ReasonCode.TRUNCATED_OBJECT,
                    "Cannot read object: it ends inside an envelope (" + cause.getMessage().lines().findFirst().orElse("")
                            + "); the envelope's log events are lost", "");
        } else if (cause instanceof EOFException) {
            router.quarantine(offset, ReasonCode.TRUNCATED_OBJECT, "Cannot decompress object: it ends early after "
                    + (content == null ? 0 : content.bytesRead()) + " decompressed bytes (" + cause.getMessage()
                    + "); the rest is lost", "");
        } else if (cause instanceof ZipException) {
            router.quarantine(offset, contentRead ? ReasonCode.TRUNCATED_OBJECT : ReasonCode.CORRUPT_COMPRESSION,
                    "Cannot decompress object: " + cause.getMessage()
                            + (contentRead ? " after " + content.bytesRead() + " decompressed bytes; the rest is lost" : ""),
                    "");
        } else if (cause instanceof JsonProcessingException json) {
            router.quarantine(offset, ReasonCode.MALFORMED_JSON, "Cannot parse envelope: " + json.getOriginalMessage(), "");
        } else {
            throw new UncheckedIOException("Cannot read object " + sourceObject + ": " + cause.getMessage(), cause);
        }
    }
}
