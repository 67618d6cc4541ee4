package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/**
 * Writes the hourly partitions a windowed load replaces into its temp table {@code stage_windows}
 * ({@code common/create_stage_windows.sql}): a handful of rows per load, sent as multi-row {@code INSERT}s of up to
 * {@value #ROWS_PER_STATEMENT} rows, one round trip each in both dialects.
 */
final class StageWindows {
    static final int ROWS_PER_STATEMENT = 1_000;
    private static final String INSERT = "INSERT INTO stage_windows (datekey, hr, starts_at, ends_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?)";

    private StageWindows() {
    }

    /** Inserts every window; returns how many. */
    static long insert(Connection connection, List<HourPartition> windows) throws SQLException {
        for (int from = 0; from < windows.size(); from += ROWS_PER_STATEMENT) {
            List<HourPartition> chunk = windows.subList(from, Math.min(windows.size(), from + ROWS_PER_STATEMENT));
            String sql = INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (HourPartition window : chunk) {
                    LocalDateTime start = new DateKey(window.datekey()).day().atTime(window.hr(), 0);
                    statement.setInt(index++, window.datekey());
                    statement.setInt(index++, window.hr());
                    statement.setTimestamp(index++, Timestamp.valueOf(start));
                    statement.setTimestamp(index++, Timestamp.valueOf(start.plusHours(1)));
                }
                statement.executeUpdate();
            }
        }
        return windows.size();
    }
}
