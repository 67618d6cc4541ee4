package io.tidemark.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the RFC 4180 records of one object incrementally, never holding more than one record (and at most
 * maxRecordBytes of it). Records end at LF, CRLF or a lone CR outside quotes, or at the end of the object (no final
 * line end needed); a quoted field may hold commas, {@code ""} and line breaks (see {@link CsvFields}); a UTF-8 BOM
 * is skipped; blank lines are skipped and are not records.
 *
 * <p>Never throws for bad data. A record longer than maxRecordBytes (without its line end) is quarantined as
 * OVERSIZED_RECORD with its start only, and reading resumes after it. A record that cannot be split (a quote never
 * closed, text after a closing quote) is quarantined as MALFORMED_CSV with its first line, and reading resumes at
 * the next line, so that it never swallows its neighbours. An object whose decompression fails is quarantined as
 * TRUNCATED_OBJECT after content (the cut record's start as raw), CORRUPT_COMPRESSION when nothing could be read.
 * Only failures of the storage itself propagate.
 *
 * <p>Why not univocity (2.9.1, on Spark's classpath), measured on the same inputs: a field beyond
 * {@code maxCharsPerColumn} throws a {@code TextParsingException} that ends the parse (no resuming after the
 * record), a quote never closed swallows the following lines into one field instead of quarantining one record
 * and resuming at the next line, and it reads characters from a {@code Reader}, so neither the record's byte offset
 * (the quarantine's key) nor a limit in bytes is available, and a decompression failure arrives wrapped in its
 * parsing exception rather than as the {@link ReadFailure} the quarantine classifies.
 */
public final class CsvRecordReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxRecordBytes;

    /** @param maxRecordBytes longest record kept, in bytes (without its line end) */
    public CsvRecordReader(int maxRecordBytes) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("Cannot create CSV record reader: maxRecordBytes must be positive, was "
                    + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Decompresses ({@link ObjectDecompressor}) and reads a landed object.
     *
     * @param raw the object's bytes as stored; not closed here
     */
    public void readObject(InputStream raw, CsvRecordHandler handler) throws IOException {
        DecompressedContent.read(raw, content -> read(content, handler),
                failure -> handler.quarantine(0, failure.reason(), failure.detail(), ""));
    }

    /** @param content the decompressed stream; not closed here */
    public void read(InputStream content, CsvRecordHandler handler) throws IOException {
        new Records(new ContentBytes(content), handler).readAll();
    }

    /** The reading of one object: its stream, the record being framed and the next ordinal. */
    private final class Records {
        private final ContentBytes in;
        private final CsvRecordHandler handler;
        private final BoundedBytes record = new BoundedBytes(maxRecordBytes);
        private long ordinal;
        /** Whether the object ended inside a quoted field of the current record. */
        private boolean unclosedQuote;
        /** Index in the record of its first line break inside quotes, or -1. */
        private long firstBreak;
        /** Whether the record ended at a line end (not at the end of the object). */
        private boolean lineEnded;

        Records(ContentBytes in, CsvRecordHandler handler) {
            this.in = in;
            this.handler = handler;
        }

        void readAll() throws IOException {
            record.reset();
            try {
                in.skipUtf8Bom();
                while (frame()) {
                    handle();
                }
            } catch (IOException e) {
                ReadFailure failure = ReadFailure.classify(e, in.consumed()).orElseThrow(() -> e);
                handler.quarantine(ordinal, failure.reason(), failure.detail(), record.prefix());
            }
        }

        /** Reads the next record's bytes (without its line end); false at the end of the object. */
        private boolean frame() throws IOException {
            record.reset();
            unclosedQuote = false;
            firstBreak = -1;
            lineEnded = true;
            boolean inQuotes = false;
            boolean fieldStart = true;
            boolean afterQuote = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (inQuotes) {
                    if (b == '"') {
                        inQuotes = false;
                        afterQuote = true;
                    } else if ((b == '\n' || b == '\r') && firstBreak < 0) {
                        firstBreak = record.length();
                    }
                    record.append(b);
                    continue;
                }
                if (b == '\n') {
                    return true;
                }
                if (b == '\r') {
                    if (in.peek() == '\n') {
                        in.read();
                    }
                    return true;
                }
                record.append(b);
                if (b == ',') {
                    fieldStart = true;
                    afterQuote = false;
                } else if (b == '"' && (afterQuote || fieldStart)) {
                    // a doubled quote inside a quoted field, or the opening quote of a field
                    inQuotes = true;
                    afterQuote = false;
                    fieldStart = false;
                } else if (b != ' ' && b != '\t') {
                    fieldStart = false;
                }
            }
            unclosedQuote = inQuotes;
            lineEnded = false;
            return record.length() > 0;
        }

        /** Hands on, skips or quarantines the record just framed. */
        private void handle() {
            if (unclosedQuote) {
                malformed("a quoted field is never closed (it is not closed before the end of the object)");
                return;
            }
            if (record.oversized()) {
                handler.quarantine(ordinal, ReasonCode.OVERSIZED_RECORD, "Cannot keep CSV record " + ordinal
                        + ": it is " + record.length() + " bytes, more than maxRecordBytes " + maxRecordBytes
                        + " (raw keeps its start)", record.prefix());
                ordinal++;
                return;
            }
            String text = new String(record.bytes(), 0, record.kept(), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return;
            }
            CsvFields fields = CsvFields.split(text);
            if (fields.problem() != null) {
                malformed(fields.problem());
                return;
            }
            handler.record(new CsvRecord(fields.values(), fields.quoted(), text, ordinal));
            ordinal++;
        }

        /** Quarantines the record's first line as MALFORMED_CSV and reads its other lines again as records. */
        private void malformed(String problem) {
            String detail = "Cannot split CSV record " + ordinal + ": " + problem;
            if (record.oversized()) {
                handler.quarantine(ordinal, ReasonCode.MALFORMED_CSV, detail + "; it is " + record.length()
                        + " bytes, more than maxRecordBytes " + maxRecordBytes + ", so all of it is lost (raw keeps "
                        + "its start)", record.prefix());
                ordinal++;
                return;
            }
            int firstLine = firstBreak < 0 ? record.kept() : (int) firstBreak;
            byte[] bytes = record.bytes();
            handler.quarantine(ordinal, ReasonCode.MALFORMED_CSV, detail + "; reading resumes at its next line",
                    new String(bytes, 0, firstLine, StandardCharsets.UTF_8));
            ordinal++;
            if (firstBreak >= 0) {
                int next = firstLine + (bytes[firstLine] == '\r' && firstLine + 1 < record.kept()
                        && bytes[firstLine + 1] == '\n' ? 2 : 1);
                byte[] rest = Arrays.copyOfRange(bytes, next, record.kept() + (lineEnded ? 1 : 0));
                if (lineEnded) {
                    rest[rest.length - 1] = '\n';
                }
                in.pushBack(rest, 0, rest.length);
            }
        }
    }
}
