package io.tidemark.sources.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader over an object's text. Records end with CRLF, LF or a lone CR; fields are separated by
 * commas; a field that starts with {@code "} (after optional blanks) is quoted, may hold commas and line breaks, and
 * escapes a quote as {@code ""}. A leading byte-order mark is skipped. Blank lines (empty or only blanks), including a
 * trailing empty line, are skipped.
 *
 * <p>A record that cannot be split is returned with a problem and never shifts or swallows its neighbours: a quoted
 * field that is never closed, or text after a closing quote, makes the record's first line malformed and reading
 * resumes on the next line.
 */
final class CsvRecordReader {
    private final String text;
    private int position;
    private long ordinal;

    CsvRecordReader(String text) {
        this.text = text;
        this.position = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** @return the next non-blank record, or null at the end of the text */
    CsvRecord next() {
        while (position < text.length()) {
            int start = position;
            CsvRecord record = read(start);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /** Reads the record at {@code start} and moves past it; null for a blank line. */
    private CsvRecord read(int start) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean afterQuote = false;
        int i = start;
        while (true) {
            if (i >= text.length()) {
                if (inQuotes) {
                    return malformed(start, "a quoted field is not closed before the end of the object");
                }
                fields.add(field.toString());
                return finish(start, i, i, fields);
            }
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                        i++;
                    }
                } else {
                    field.append(c);
                    i++;
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                fields.add(field.toString());
                return finish(start, i, next, fields);
            } else if (afterQuote) {
                if (c != ' ' && c != '\t') {
                    return malformed(start, "unexpected character '" + c + "' after a closing quote at column "
                            + (i - start + 1));
                }
                i++;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
    }

    private CsvRecord finish(int start, int end, int next, List<String> fields) {
        position = next;
        if (fields.size() == 1 && fields.get(0).isBlank() && text.substring(start, end).indexOf('"') < 0) {
            return null;
        }
        return new CsvRecord(fields, text.substring(start, end), ordinal++, null);
    }

    /** The record's first physical line is malformed; reading resumes after it. */
    private CsvRecord malformed(int start, String problem) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        int next = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n'
                ? end + 2 : Math.min(end + 1, text.length());
        position = next;
        return new CsvRecord(List.of(), text.substring(start, end), ordinal++, problem);
    }
}
