package io.tidemark.landing;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one complete CSV record's text: comma separated; a field whose first non-blank character is
 * {@code "} is quoted, may hold commas, quotes (as {@code ""}) and line breaks, and may be followed by blanks only.
 * A quote inside an unquoted field is kept as text.
 *
 * @param values  the field values
 * @param quoted  per field, whether it was quoted
 * @param problem why the text cannot be split (then values and quoted are empty), or null
 */
record CsvFields(List<String> values, List<Boolean> quoted, String problem) {
    static CsvFields split(String text) {
        List<String> values = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else if (c == ',') {
                values.add(field.toString());
                quoted.add(wasQuoted);
                field.setLength(0);
                wasQuoted = false;
                afterQuote = false;
            } else if (afterQuote) {
                if (c != ' ' && c != '\t') {
                    return problem("unexpected character '" + c + "' after the closing quote of field "
                            + (values.size() + 1) + " (column " + (i + 1) + ")");
                }
            } else if (c == '"' && !wasQuoted && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            return problem("the quoted field " + (values.size() + 1) + " is never closed");
        }
        values.add(field.toString());
        quoted.add(wasQuoted);
        return new CsvFields(List.copyOf(values), List.copyOf(quoted), null);
    }

    private static CsvFields problem(String problem) {
        return new CsvFields(List.of(), List.of(), problem);
    }
}
