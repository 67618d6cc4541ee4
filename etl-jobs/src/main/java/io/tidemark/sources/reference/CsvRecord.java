package io.tidemark.sources.reference;

import java.util.List;

/**
 * One CSV record as read: its fields (quotes removed, {@code ""} unescaped) or, when it cannot be split, the problem.
 *
 * @param fields  the fields; empty when {@code problem} is set
 * @param raw     the record's text as landed, without its line terminator (for a malformed record: its first line)
 * @param ordinal 0-based position of the record among the object's non-blank records
 * @param problem why the record cannot be split, or null
 */
record CsvRecord(List<String> fields, String raw, long ordinal, String problem) {
    CsvRecord {
        fields = List.copyOf(fields);
    }

    boolean malformed() {
        return problem != null;
    }
}
