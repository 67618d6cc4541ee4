package io.tidemark.sources.flowlines;

import io.tidemark.config.FlowLogLinesSourceSpec;
import io.tidemark.landing.ObjectDecompressor;
import io.tidemark.landing.QuarantineRecord;
import io.tidemark.landing.ReasonCode;
import io.tidemark.sources.LandedObject;
import io.tidemark.sources.ObjectParser;
import io.tidemark.sources.RecordSink;
import io.tidemark.config.FlowLogField;
import io.tidemark.config.FlowLogFormat;
import io.tidemark.sources.cloudwatch.FlowLogLineParser;
import io.tidemark.sources.cloudwatch.FlowLogParseResult;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipException;

/**
 * VPC flow-log lines as the CloudWatch Logs Lambda blueprint lands them through Firehose (FORMATS.md 2.3 and 3):
 * plain text (or gzip, zlib, zip: detected from the magic bytes), one flow-log line per line, LF or CRLF, blank
 * lines, maybe no final newline, maybe header lines of field names. Every line becomes a {@code vpc_flow_logs} row:
 * <ul>
 *   <li>{@code event_id} = {@code "l-" + sha256hex(logGroup + "\n" + line without trailing whitespace)}: a
 *       redelivered line (same text, any object) gets the same key and is stored once. Two byte-identical flow
 *       lines of the same log group collapse into one row; for flow logs that is the same record (same
 *       interface, 5-tuple, capture window, packets and bytes).</li>
 *   <li>{@code event_ts} = the flow's {@code start} (the CloudWatch timestamp is lost); {@code start} is also the
 *       event time that decides {@code dt}/{@code hr}.</li>
 *   <li>{@code owner} = the line's {@code account-id} as written (also {@code unknown}), null when absent;
 *       {@code log_group} = the job's {@code logGroup}; {@code log_stream} = null (the CloudWatch stream is
 *       lost; the interface has its own column).</li>
 * </ul>
 * Fields are read with the job's format until a header line switches the field list for the lines after it
 * (custom formats come in the user's order). Header fields that the dataset has no column for (later versions,
 * e.g. {@code reject-reason}) are skipped by position. A header naming a field twice makes the lines after it
 * unusable (quarantined) until the next header.
 *
 * <p>Quarantine: wrong field count or a bad number -> SCHEMA_MISMATCH; no usable {@code start} -> BAD_TIMESTAMP;
 * a line longer than {@code maxRecordBytes} -> OVERSIZED_RECORD with its first {@value #RAW_CHARS} characters
 * (the line is never held whole); a compressed object that ends early -> TRUNCATED_OBJECT (the lines before
 * the cut are kept); a compression header that cannot be decoded -> CORRUPT_COMPRESSION. Offsets are the
 * 0-based physical line numbers in the decompressed object. Lines are read here, bounded, not with a shared
 * line reader.
 */
public final class FlowLogLinesParser implements ObjectParser {
    private static final long serialVersionUID = 1L;
    public static final String DATASET = "vpc_flow_logs";
    /** Characters of a line kept in a quarantine record. */
    static final int RAW_CHARS = 1024;
    private static final int CONTEXT_COLUMNS = 5;
    private static final int ACCOUNT_ID = FlowLogField.ACCOUNT_ID.columnIndex();
    private static final int START = FlowLogField.START.columnIndex();

    private final String logGroup;
    private final FlowLogFormat format;
    private final int maxRecordBytes;

    public FlowLogLinesParser(FlowLogLinesSourceSpec spec) {
        this(spec.logGroup(), spec.format(), spec.maxRecordBytes());
    }

    public FlowLogLinesParser(String logGroup, FlowLogFormat format, int maxRecordBytes) {
        this.logGroup = Objects.requireNonNull(logGroup, "logGroup is null");
        this.format = Objects.requireNonNull(format, "format is null");
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("Cannot create parser: maxRecordBytes must be positive, was " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public List<String> datasets() {
        return List.of(DATASET);
    }

    @Override
    public void parse(LandedObject object, InputStream raw, RecordSink sink) throws IOException {
        ObjectLines state = new ObjectLines(object.uri(), sink);
        InputStream content = null;
        BoundedLines lines = null;
        try {
            content = ObjectDecompressor.open(new FilterInputStream(raw) {
                @Override
                public void close() {
                    // the caller owns raw; closing the decompressors only releases their inflaters
                }
            });
            lines = new BoundedLines(content, maxRecordBytes);
            Line line;
            while ((line = lines.next()) != null) {
                state.accept(line);
            }
        } catch (EOFException | ZipException e) {
            quarantineFailure(object.uri(), e, lines, sink);
        } finally {
            closeQuietly(content);
        }
    }

    /** The event id of a line of this parser's log group: the dedup key. */
    public String eventId(String line) {
        return eventId(logGroup, line);
    }

    /** {@code "l-" + sha256hex(logGroup + "\n" + line without trailing whitespace)}. */
    public static String eventId(String logGroup, String line) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((logGroup + "\n" + line.stripTrailing()).getBytes(StandardCharsets.UTF_8));
            return "l-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash flow-log line: SHA-256 is not available", e);
        }
    }

    private static void quarantineFailure(String uri, IOException e, BoundedLines lines, RecordSink sink) {
        long offset = lines == null ? 0 : lines.lineIndex();
        long bytes = lines == null ? 0 : lines.bytesRead();
        String partial = lines == null ? "" : lines.partial();
        boolean contentRead = bytes > 0;
        if (e instanceof EOFException || contentRead) {
            sink.quarantine(new QuarantineRecord(uri, offset, ReasonCode.TRUNCATED_OBJECT,
                    "Cannot decompress object: it ends early after " + bytes + " decompressed bytes (" + e.getMessage()
                            + "); the lines before line " + (offset + 1) + " are kept, the partial line (in raw) and"
                            + " the rest are lost", partial));
        } else {
            sink.quarantine(new QuarantineRecord(uri, 0, ReasonCode.CORRUPT_COMPRESSION,
                    "Cannot decompress object: " + e.getMessage(), ""));
        }
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

    static String rawPrefix(String text) {
        if (text.length() <= RAW_CHARS) {
            return text;
        }
        int end = RAW_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** One line of an object, without its line end. */
    record Line(long index, String text, long bytes, boolean oversized) {
    }

    /** The lines of one object, in order: the field list in force and where rows and failures go. */
    private final class ObjectLines {
        private final String uri;
        private final RecordSink sink;
        private FlowLogLineParser parser = new FlowLogLineParser(format);
        /** The header in force, or null while the job's format is. */
        private FlowLogHeader header;
        private long headerLine = -1;

        ObjectLines(String uri, RecordSink sink) {
            this.uri = uri;
            this.sink = sink;
        }

        void accept(Line line) {
            if (line.oversized()) {
                quarantine(line.index(), ReasonCode.OVERSIZED_RECORD, "Cannot read flow-log line " + (line.index() + 1)
                        + ": it is " + line.bytes() + " bytes long, more than maxRecordBytes " + maxRecordBytes
                        + " (raw holds its first " + RAW_CHARS + " characters)", line.text());
                return;
            }
            String text = line.index() == 0 && line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
            if (text.isBlank()) {
                return;
            }
            List<String> tokens = FlowLogLineParser.split(text);
            var detected = FlowLogHeader.detect(tokens);
            if (detected.isPresent()) {
                switchTo(detected.get(), line.index(), text);
                return;
            }
            if (header != null && !header.usable()) {
                quarantine(line.index(), ReasonCode.SCHEMA_MISMATCH, "Cannot parse flow-log line " + (line.index() + 1)
                        + ": the header at line " + (headerLine + 1) + " (\"" + header + "\") names "
                        + header.duplicates() + " twice, so the field of each position is unknown", text);
                return;
            }
            String known = text;
            if (header != null && header.hasUnknownFields()) {
                if (tokens.size() != header.names().size()) {
                    quarantine(line.index(), ReasonCode.SCHEMA_MISMATCH, "Cannot parse flow-log line " + (line.index() + 1)
                            + ": expected " + header.names().size() + " fields (header at line " + (headerLine + 1)
                            + ": \"" + header + "\"), found " + tokens.size(), text);
                    return;
                }
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    if (header.known().get(i) != null) {
                        kept.add(tokens.get(i));
                    }
                }
                known = String.join(" ", kept);
            }
            FlowLogParseResult result = parser.parse(known);
            if (result instanceof FlowLogParseResult.Row row) {
                emit(line.index(), text, row.fields());
            } else if (result instanceof FlowLogParseResult.Failure failure) {
                quarantine(line.index(), failure.reason(), failure.detail() + " (line " + (line.index() + 1)
                        + (header == null ? ", job format" : ", format of the header at line " + (headerLine + 1)) + ")",
                        text);
            }
            // FlowLogParseResult.Header cannot occur: header lines are detected above
        }

        private void switchTo(FlowLogHeader next, long index, String text) {
            header = next;
            headerLine = index;
            if (!next.usable()) {
                quarantine(index, ReasonCode.SCHEMA_MISMATCH, "Cannot use flow-log header at line " + (index + 1)
                        + ": it names " + next.duplicates() + " more than once; the lines after it are quarantined"
                        + " until the next header", text);
                return;
            }
            parser = new FlowLogLineParser(next.knownFormat());
        }

        private void emit(long index, String text, Object[] fields) {
            Object[] values = new Object[CONTEXT_COLUMNS + fields.length];
            long start = ((Number) fields[START]).longValue();
            values[0] = eventId(logGroup, text);
            values[1] = new Timestamp(start * 1000);
            values[2] = fields[ACCOUNT_ID];
            values[3] = logGroup;
            values[4] = null;
            System.arraycopy(fields, 0, values, CONTEXT_COLUMNS, fields.length);
            sink.row(DATASET, values, index, Instant.ofEpochSecond(start));
        }

        private void quarantine(long index, ReasonCode reason, String detail, String text) {
            sink.quarantine(new QuarantineRecord(uri, index, reason, detail, rawPrefix(text)));
        }
    }

    /**
     * Splits a decompressed object into lines on '\n' (a '\r' before it is left to the field splitter, which
     * treats it as whitespace). Keeps at most {@code maxBytes + 1} bytes of a line, so a line without end
     * cannot exhaust memory; longer lines come back {@code oversized} with their first bytes.
     */
    static final class BoundedLines {
        private final InputStream in;
        private final int maxBytes;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private long lineIndex;
        private long lineBytes;
        private long bytesRead;
        private boolean ended;

        BoundedLines(InputStream in, int maxBytes) {
            this.in = new BufferedInputStream(in, 64 * 1024);
            this.maxBytes = maxBytes;
        }

        /** The next line, or null at the end of the object. */
        Line next() throws IOException {
            if (ended) {
                return null;
            }
            current.reset();
            lineBytes = 0;
            int last = -1;
            int b;
            while ((b = in.read()) >= 0) {
                bytesRead++;
                if (b == '\n') {
                    return finish(last);
                }
                if (lineBytes <= maxBytes) {
                    current.write(b);
                }
                lineBytes++;
                last = b;
            }
            ended = true;
            return lineBytes == 0 ? null : finish(last);
        }

        private Line finish(int last) {
            long content = last == '\r' ? lineBytes - 1 : lineBytes;
            boolean oversized = content > maxBytes;
            String text = oversized ? rawPrefix(current.toString(StandardCharsets.UTF_8)) : current.toString(StandardCharsets.UTF_8);
            return new Line(lineIndex++, text, content, oversized);
        }

        /** Index of the line being read. */
        long lineIndex() {
            return lineIndex;
        }

        long bytesRead() {
            return bytesRead;
        }

        /** The start of the line being read when the object failed. */
        String partial() {
            return rawPrefix(current.toString(StandardCharsets.UTF_8));
        }
    }
}
