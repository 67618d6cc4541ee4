package io.tidemark.sources.reference;

import io.tidemark.landing.CsvRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the user reference fields sit in a snapshot's rows. Without a header: {@code user_id,gender,segment_id}.
 * With one, the header decides the order; names are matched trimmed and case-insensitively; a header without
 * {@code gender} or {@code segment_id} gives nulls for it; other columns are ignored; a repeated name: the first wins.
 *
 * @param userId    index of user_id
 * @param gender    index of gender, or -1
 * @param segmentId index of segment_id, or -1
 * @param width     fields every data row must have
 * @param header    the header line as landed, or null when the object has none
 */
record UsersColumns(int userId, int gender, int segmentId, int width, String header) {
    static final String USER_ID = "user_id";
    static final String GENDER = "gender";
    static final String SEGMENT_ID = "segment_id";

    static UsersColumns positional() {
        return new UsersColumns(0, 1, 2, 3, null);
    }

    /** The columns named by {@code record} if it is a header (one of its fields is {@code user_id}), else empty. */
    static Optional<UsersColumns> fromHeader(CsvRecord record) {
        List<String> names = record.fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        if (!names.contains(USER_ID)) {
            return Optional.empty();
        }
        return Optional.of(new UsersColumns(names.indexOf(USER_ID), names.indexOf(GENDER), names.indexOf(SEGMENT_ID),
                names.size(), record.raw()));
    }

    /** The expected layout, for messages: {@code user_id,gender,segment_id}. */
    String describe() {
        return header != null ? "the header '" + header + "'" : "user_id,gender,segment_id (no header)";
    }
}
