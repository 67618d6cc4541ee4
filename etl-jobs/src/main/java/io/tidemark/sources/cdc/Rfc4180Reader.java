package io.tidemark.sources.cdc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into RFC 4180 records: comma separated, fields optionally wrapped in double quotes with
 * {@code ""} for a quote; quoted fields may hold commas, quotes, CR and LF. Records end at LF, CRLF or a lone CR
 * outside quotes, or at the end of the text (no final line break needed). Never throws: a record that breaks the
 * rules comes back with an {@link CsvRecord#error()}, and reading resumes at the next line break.
 */
final class Rfc4180Reader {
    private final String text;
    private int pos;

    Rfc4180Reader(String text) {
        this.text = text;
    }

    boolean hasNext() {
        return pos < text.length();
    }

    CsvRecord next() {
        int start = pos;
        List<String> fields = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        boolean afterClosingQuote = false;
        String error = null;
        int end;
        while (true) {
            if (pos >= text.length()) {
                end = pos;
                if (inQuotes) {
                    error = "Cannot read CSV record: a quoted field opened at character "
                            + (text.lastIndexOf('"', pos) - start) + " is never closed";
                }
                break;
            }
            char c = text.charAt(pos);
            if (inQuotes) {
                if (c == '"') {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        field.append('"');
                        pos += 2;
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                        pos++;
                    }
                } else {
                    field.append(c);
                    pos++;
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                quoted.add(wasQuoted);
                field.setLength(0);
                wasQuoted = false;
                afterClosingQuote = false;
                pos++;
            } else if (c == '\n' || c == '\r') {
                end = pos;
                pos += c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
                break;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                inQuotes = true;
                wasQuoted = true;
                pos++;
            } else {
                if (afterClosingQuote && error == null) {
                    error = "Cannot read CSV record: character '" + c + "' follows the closing quote of field "
                            + (fields.size() + 1);
                } else if (c == '"' && error == null) {
                    error = "Cannot read CSV record: a quote inside the unquoted field " + (fields.size() + 1);
                }
                field.append(c);
                pos++;
            }
        }
        fields.add(field.toString());
        quoted.add(wasQuoted);
        return new CsvRecord(List.copyOf(fields), List.copyOf(quoted), text.substring(start, end), error);
    }
}
