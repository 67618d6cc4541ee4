package io.tidemark.landing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Frames the JSON records of one object: documents concatenated with no separator ({@code }{}), or separated
 * by LF, CRLF and blank lines, with or without a final newline, possibly after a UTF-8 BOM. Each well-formed
 * JSON object goes to the handler with its raw text and its ordinal; everything else is quarantined:
 * <ul>
 *   <li>malformed JSON: MALFORMED_JSON, then reading resumes at the next line that starts with '{' (else the rest
 *       of the object is in the quarantine record). A record that starts a line (newline-delimited JSON) ends at
 *       the next line starting with '{' after its start, so a line cut short never takes the valid line after it
 *       along; framing also stops where a '{' or '[' follows a complete value (a line cut short, then the next
 *       record). Records concatenated without a delimiter resume after the parse error's position;</li>
 *   <li>a record larger than the maximum: OVERSIZED_RECORD with only its start kept. It is never held whole: its
 *       bytes are counted while it is framed and skipped to its end;</li>
 *   <li>a top-level value that is not an object (a bare string or number): SCHEMA_MISMATCH; a bare {@code null}
 *   (a Kafka tombstone) is handed to the record parser;</li>
 *   <li>an object that ends inside a record, or whose decompression fails: TRUNCATED_OBJECT after content,
 *       CORRUPT_COMPRESSION when nothing could be read (content that is not JSON at all is CORRUPT_COMPRESSION
 *       too: it is most likely a compression this class does not know).</li>
 * </ul>
 * Records are framed at the byte level (strings, escapes and brackets are tracked, so '}{' inside a string does
 * not split a record) and only then parsed with Jackson, so that the raw text of every record is at hand. Only
 * failures of the storage itself propagate, as IOException.
 */
public final class JsonDocumentReader implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Deepest nesting framed; Jackson's own default limit is the same. */
    static final int MAX_DEPTH = 1000;
    private static final int HEAD_BYTES = 64;
    private static final int START_CHARS = 120;
    private static final String JSON_STARTS = "{[\"-0123456789tfn";
    private static final String TERMINATORS = "{}[],:\"";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String recordName;
    private final int maxDocumentBytes;
    private final boolean splitArrays;

    /**
     * A reader for JSON record families: a top-level array holds one record per element.
     *
     * @param maxDocumentBytes largest record kept, in bytes; larger ones are quarantined as OVERSIZED_RECORD
     */
    public JsonDocumentReader(int maxDocumentBytes) {
        this("record", maxDocumentBytes, true);
    }

    private JsonDocumentReader(String recordName, int maxDocumentBytes, boolean splitArrays) {
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("Cannot create JSON reader: maxDocumentBytes must be positive, was "
                    + maxDocumentBytes);
        }
        this.recordName = recordName;
        this.maxDocumentBytes = maxDocumentBytes;
        this.splitArrays = splitArrays;
    }

    /**
     * A reader for formats whose every top-level value must be an object (CloudWatch Logs envelopes): anything
     * else, arrays included, is MALFORMED_JSON, and the content must start with '{'.
     *
     * @param recordName what a record is called in quarantine details ("envelope")
     */
    public static JsonDocumentReader objectsOnly(String recordName, int maxDocumentBytes) {
        return new JsonDocumentReader(recordName, maxDocumentBytes, false);
    }

    /**
     * Decompresses ({@link ObjectDecompressor}) and reads a landed object.
     *
     * @param raw the object's bytes as stored; not closed here
     */
    public void readObject(InputStream raw, JsonDocumentHandler handler) throws IOException {
        DecompressedContent.read(raw, content -> read(content, handler),
                failure -> handler.quarantine(0, failure.reason(), failure.detail(), ""));
    }

    /**
     * Reads decompressed content.
     *
     * @param content the decompressed stream; not closed here
     */
    public void read(InputStream content, JsonDocumentHandler handler) throws IOException {
        new Pass(new ContentBytes(content), handler).run();
    }

    private enum Framed { COMPLETE, TRUNCATED, MISMATCH }

    private enum Next { GO_ON, RESYNCHRONISED, STOP }

    /** The state of reading one object. */
    private final class Pass {
        private final ContentBytes in;
        private final JsonDocumentHandler handler;
        private final BoundedBytes record = new BoundedBytes(maxDocumentBytes);
        private final byte[] stack = new byte[MAX_DEPTH];
        private long ordinal;
        private long recordOffset;
        private long recordStart;
        private boolean inRecord;
        private String mismatch;
        /** Whether the next byte starts a line (object start, or a newline was skipped since the last record). */
        private boolean lineStart = true;
        /** Whether the record being read started a line: then a broken one ends at the next '{' line after its start. */
        private boolean recordStartsLine;

        Pass(ContentBytes in, JsonDocumentHandler handler) {
            this.in = in;
            this.handler = handler;
        }

        void run() throws IOException {
            try {
                if (!start()) {
                    return;
                }
                while (true) {
                    int b = skipWhitespace();
                    if (b < 0) {
                        return;
                    }
                    Next next = b == '[' && splitArrays ? array() : value();
                    if (next == Next.STOP) {
                        return;
                    }
                }
            } catch (IOException e) {
                ReadFailure failure = ReadFailure.classify(e, in.consumed()).orElseThrow(() -> e);
                handler.quarantine(inRecord ? recordOffset : ordinal, failure.reason(), failure.detail(),
                        inRecord ? record.prefix() : "");
            }
        }

        /** Skips a BOM and whitespace; true if JSON follows, else quarantines the object (unless it is empty). */
        private boolean start() throws IOException {
            byte[] head = new byte[HEAD_BYTES];
            int n = 0;
            if (in.peek() == 0xEF) {
                head[n++] = (byte) in.read();
                if (in.peek() == 0xBB) {
                    head[n++] = (byte) in.read();
                    if (in.peek() == 0xBF) {
                        in.read();
                        n = 0;
                    }
                }
                if (n > 0) {
                    return notJson(head, n);
                }
            }
            int b = skipWhitespace();
            if (b < 0) {
                return false;
            }
            if (splitArrays ? JSON_STARTS.indexOf(b) >= 0 : b == '{') {
                return true;
            }
            return notJson(head, 0);
        }

        private boolean notJson(byte[] head, int n) throws IOException {
            int first = n > 0 ? head[0] & 0xff : in.peek();
            int b;
            while (n < head.length && (b = in.read()) >= 0) {
                head[n++] = (byte) b;
            }
            handler.quarantine(ordinal++, ReasonCode.CORRUPT_COMPRESSION, String.format(
                    "Cannot read object: it is neither gzip, zlib, zip nor JSON (first content byte 0x%02x)", first),
                    RawPrefix.printable(head, n));
            return false;
        }

        /**
         * A top-level array. Firehose record format conversion rejects arrays, but producers do send them (and
         * a Lambda transform may pass them on), so each element is taken as one record. Separators between
         * elements are not checked strictly. After a malformed element, reading resumes at the top level.
         */
        private Next array() throws IOException {
            in.read();
            lineStart = false;
            while (true) {
                int b;
                while ((b = in.peek()) == ',' || isWhitespace(b)) {
                    in.read();
                }
                if (b < 0) {
                    handler.quarantine(ordinal++, ReasonCode.TRUNCATED_OBJECT,
                            "Cannot read object: it ends inside a top-level array; the rest is lost", "");
                    return Next.STOP;
                }
                if (b == ']') {
                    in.read();
                    return Next.GO_ON;
                }
                Next next = value();
                if (next != Next.GO_ON) {
                    return next;
                }
            }
        }

        /** Frames, parses and hands on the value whose first byte is next. */
        private Next value() throws IOException {
            long offset = ordinal++;
            recordOffset = offset;
            Framed framed = frame();
            if (framed == Framed.TRUNCATED && !record.oversized()) {
                JsonProcessingException error = syntaxError();
                if (error != null) {
                    // not cut short but broken earlier (a line cut short, followed by more lines)
                    return malformed(offset, error);
                }
            }
            if (framed == Framed.TRUNCATED) {
                handler.quarantine(offset, ReasonCode.TRUNCATED_OBJECT, "Cannot read object: it ends inside "
                        + recordName + " " + offset + " after " + record.length() + " of its bytes; that " + recordName
                        + " is lost", record.prefix());
                inRecord = false;
                return Next.STOP;
            }
            if (framed == Framed.MISMATCH) {
                return malformed(offset, null);
            }
            if (record.oversized()) {
                handler.quarantine(offset, ReasonCode.OVERSIZED_RECORD, "Cannot keep " + recordName + " " + offset
                        + ": it is " + record.length() + " bytes, more than the limit of " + maxDocumentBytes
                        + " (raw keeps its first " + RawPrefix.MAX_CHARS + " characters)", record.prefix());
                inRecord = false;
                return Next.GO_ON;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(record.bytes(), 0, record.kept());
            } catch (JsonProcessingException e) {
                return malformed(offset, e);
            }
            String raw = new String(record.bytes(), 0, record.kept(), StandardCharsets.UTF_8);
            inRecord = false;
            if (node.isObject() || (splitArrays && node.isNull())) {
                // a bare null is a record too: a Kafka tombstone, which only the family's parser can judge
                handler.document(new JsonDocument(node, raw, offset));
            } else if (!splitArrays) {
                handler.quarantine(offset, ReasonCode.MALFORMED_JSON, "Cannot parse " + recordName + ": expected '{' starting "
                        + withArticle(recordName) + ", found " + node.asToken(), RawPrefix.of(raw));
            } else {
                handler.quarantine(offset, ReasonCode.SCHEMA_MISMATCH, "Cannot read " + recordName + " " + offset
                        + ": a top-level JSON " + node.getNodeType().name().toLowerCase() + " is not an object",
                        RawPrefix.of(raw));
            }
            return Next.GO_ON;
        }

        /** The syntax error Jackson finds in the framed bytes, or null if they are well-formed or just end early. */
        private JsonProcessingException syntaxError() throws IOException {
            try {
                MAPPER.readTree(record.bytes(), 0, record.kept());
                return null;
            } catch (JsonEOFException e) {
                return null;
            } catch (JsonProcessingException e) {
                return e;
            }
        }

        /** Reads the bytes of the value that starts next into {@link #record}, tracking strings and brackets. */
        private Framed frame() throws IOException {
            record.reset();
            recordStart = in.consumed();
            inRecord = true;
            recordStartsLine = lineStart;
            lineStart = false;
            int first = take();
            if (first == '{' || first == '[') {
                return structure(first);
            }
            if (first == '"') {
                return string();
            }
            if (TERMINATORS.indexOf(first) < 0) {
                int b;
                while ((b = in.peek()) >= 0 && !isWhitespace(b) && TERMINATORS.indexOf(b) < 0) {
                    take();
                }
            }
            return Framed.COMPLETE;
        }

        private Framed structure(int first) throws IOException {
            int depth = 0;
            stack[depth++] = (byte) first;
            int previous = first;
            int b;
            while ((b = take()) >= 0) {
                if (b == '"') {
                    Framed string = string();
                    if (string != Framed.COMPLETE) {
                        return string;
                    }
                } else if (b == '{' || b == '[') {
                    if (previous != '[' && previous != ',' && previous != ':') {
                        // only a value can be here, and no value follows another without a ',': the record was cut
                        // short and the next one began (e.g. the next line)
                        mismatch = "'" + (char) b + "' follows a complete value";
                        return Framed.MISMATCH;
                    }
                    if (depth == MAX_DEPTH) {
                        mismatch = "nesting deeper than " + MAX_DEPTH + " levels";
                        return Framed.MISMATCH;
                    }
                    stack[depth++] = (byte) b;
                } else if (b == '}' || b == ']') {
                    int open = stack[--depth];
                    if (open != (b == '}' ? '{' : '[')) {
                        mismatch = "'" + (char) b + "' closes '" + (char) open + "'";
                        return Framed.MISMATCH;
                    }
                    if (depth == 0) {
                        return Framed.COMPLETE;
                    }
                }
                if (!isWhitespace(b)) {
                    previous = b;
                }
            }
            return Framed.TRUNCATED;
        }

        /**
         * After an opening quote: COMPLETE at the closing one, TRUNCATED at the end of the stream, MISMATCH at a raw
         * newline (never valid inside a JSON string: the record was most likely cut short and the next line began).
         */
        private Framed string() throws IOException {
            boolean escaped = false;
            int b;
            while ((b = take()) >= 0) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    return Framed.COMPLETE;
                } else if (b == '\n') {
                    mismatch = "unescaped newline inside a string";
                    return Framed.MISMATCH;
                }
            }
            return Framed.TRUNCATED;
        }

        private int take() throws IOException {
            int b = in.read();
            if (b >= 0) {
                record.append(b);
            }
            return b;
        }

        /**
         * Quarantines a malformed record and positions the stream at the next line that starts with '{'
         * (newline-delimited records): after the record's start if the record started a line (its raw text is then
         * the record from its start), else after the parse error (its raw text is what is skipped from the error
         * on). The detail quotes the record's start.
         */
        private Next malformed(long offset, JsonProcessingException parsed) throws IOException {
            JsonProcessingException error = parsed;
            if (error == null && !record.oversized()) {
                try {
                    MAPPER.readTree(record.bytes(), 0, record.kept());
                } catch (JsonProcessingException e) {
                    error = e;
                }
            }
            int from = record.kept();
            String message = mismatch;
            if (error != null) {
                message = error.getOriginalMessage();
                JsonLocation location = error.getLocation();
                if (location != null && location.getByteOffset() >= 0) {
                    from = (int) Math.min(location.getByteOffset(), record.kept());
                }
            }
            String where = " at byte " + (recordStart + from) + " of the object ("
                    + recordName + " starts '" + startOfRecord() + "')";
            inRecord = false;
            int resumeFrom = recordStartsLine && !record.oversized() ? 0 : from;
            return resynchronise(offset, "Cannot parse " + recordName + ": " + message + where, resumeFrom);
        }

        private String startOfRecord() {
            String start = RawPrefix.printable(record.bytes(), Math.min(record.kept(), 4 * START_CHARS));
            return start.length() <= START_CHARS ? start : start.substring(0, START_CHARS) + "...";
        }

        private Next resynchronise(long offset, String detail, int from) throws IOException {
            byte[] skipped = new byte[BoundedBytes.PREFIX_BYTES];
            int kept = 0;
            long skippedBytes = 0;
            byte[] buffered = record.bytes();
            int previous = from > 0 && from <= record.kept() ? buffered[from - 1] & 0xff : -1;
            boolean found = false;
            IOException failure = null;
            int end = record.oversized() ? from : record.kept();
            for (int i = from; i < end; i++) {
                int b = buffered[i] & 0xff;
                if (b == '{' && previous == '\n') {
                    in.pushBack(buffered, i, end - i);
                    found = true;
                    break;
                }
                if (kept < skipped.length) {
                    skipped[kept++] = (byte) b;
                }
                skippedBytes++;
                previous = b;
            }
            try {
                int b;
                while (!found && (b = in.peek()) >= 0) {
                    if (b == '{' && previous == '\n') {
                        found = true;
                        break;
                    }
                    in.read();
                    if (kept < skipped.length) {
                        skipped[kept++] = (byte) b;
                    }
                    skippedBytes++;
                    previous = b;
                }
            } catch (IOException e) {
                failure = e;
            }
            String outcome = found
                    ? "; skipped " + skippedBytes + " bytes to the next line starting with '{'"
                    : failure != null
                    ? "; the object then failed after " + skippedBytes + " more bytes"
                    : "; no later line starts with '{', so the rest of the object (" + skippedBytes + " bytes) is dropped";
            handler.quarantine(offset, ReasonCode.MALFORMED_JSON, detail + outcome, RawPrefix.printable(skipped, kept));
            if (failure != null) {
                throw failure;
            }
            lineStart = found;
            return found ? Next.RESYNCHRONISED : Next.STOP;
        }

        private int skipWhitespace() throws IOException {
            int b;
            while (isWhitespace(b = in.peek())) {
                in.read();
                if (b == '\n') {
                    lineStart = true;
                }
            }
            return b;
        }
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
