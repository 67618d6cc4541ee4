package io.tidemark.sources.cdc;

import java.util.List;

/**
 * One RFC 4180 record.
 *
 * @param fields    the field values, quotes removed and {@code ""} unescaped
 * @param quoted    per field, whether it was quoted (a quoted {@code "NULL"} is the string, not the null marker)
 * @param raw       the record's text as landed, without its line break
 * @param error     why the record is not valid RFC 4180 (unterminated quote, text after a closing quote), or null
 */
record CsvRecord(List<String> fields, List<Boolean> quoted, String raw, String error) {
    boolean isBlank() {
        return error == null && fields.size() == 1 && fields.get(0).isEmpty() && !quoted.get(0);
    }
}
