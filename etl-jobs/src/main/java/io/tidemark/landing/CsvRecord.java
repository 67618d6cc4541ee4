package io.tidemark.landing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One RFC 4180 record of a CSV object.
 *
 * @param fields the field values, quotes removed and {@code ""} unescaped
 * @param quoted per field, whether it was quoted (a quoted {@code "NULL"} is text, an unquoted NULL a null marker)
 * @param raw    the record's text as landed, without its line end
 * @param offset ordinal of the record among the object's records (0-based; blank lines are not records, oversized
 *               and malformed records are)
 */
public record CsvRecord(List<String> fields, List<Boolean> quoted, String raw, long offset) {
    public CsvRecord {
        fields = List.copyOf(fields);
        quoted = List.copyOf(quoted);
        requireNonNull(raw, "raw is null");
        if (fields.size() != quoted.size()) {
            throw new IllegalArgumentException("Cannot create CSV record: " + fields.size() + " fields but "
                    + quoted.size() + " quoted flags");
        }
    }
}
