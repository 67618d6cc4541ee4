package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Inserts rows with multi-row {@code INSERT ... VALUES (...), (...)} statements of up to {@code rowsPerStatement}
 * rows: one round trip per batch in both dialects (Redshift runs single-row batches one statement at a time).
 */
public final class MultiRowInsert<T> {
    private final String table;
    private final List<String> columns;
    private final int rowsPerStatement;
    private final RowBinder<T> binder;

    /** Binds one row's values starting at parameter index {@code firstIndex}, in column order. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, int firstIndex, T row) throws SQLException;
    }

    /** {@code table} and {@code columns} are trusted SQL text (constants or validated identifiers). */
    public MultiRowInsert(String table, List<String> columns, int rowsPerStatement, RowBinder<T> binder) {
        this.table = Objects.requireNonNull(table, "table is null");
        this.columns = List.copyOf(columns);
        if (rowsPerStatement < 1 || rowsPerStatement * this.columns.size() > 32_767) {
            throw new IllegalArgumentException("rowsPerStatement must be at least 1 and keep parameters under 32767");
        }
        this.rowsPerStatement = rowsPerStatement;
        this.binder = Objects.requireNonNull(binder, "binder is null");
    }

    /** Inserts every row; returns how many. Reads the iterator once, holding at most one batch in memory. */
    public long insert(Connection connection, Iterator<? extends T> rows) throws SQLException {
        long inserted = 0;
        List<T> batch = new ArrayList<>(rowsPerStatement);
        try (PreparedStatement full = connection.prepareStatement(sql(rowsPerStatement))) {
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() == rowsPerStatement) {
                    inserted += execute(full, batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            try (PreparedStatement rest = connection.prepareStatement(sql(batch.size()))) {
                inserted += execute(rest, batch);
            }
        }
        return inserted;
    }

    private int execute(PreparedStatement statement, List<T> batch) throws SQLException {
        int index = 1;
        for (T row : batch) {
            binder.bind(statement, index, row);
            index += columns.size();
        }
        statement.executeUpdate();
        return batch.size();
    }

    private String sql(int rowCount) {
        String placeholders = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table)
                .append(" (").append(String.join(", ", columns)).append(") VALUES ");
        for (int i = 0; i < rowCount; i++) {
            sql.append(i == 0 ? "" : ", ").append(placeholders);
        }
        return sql.toString();
    }
}
