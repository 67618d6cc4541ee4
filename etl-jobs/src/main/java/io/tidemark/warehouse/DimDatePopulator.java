package io.tidemark.warehouse;

import io.tidemark.config.SqlIdentifier;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Fills {@code dim_date} for a range of days, inserting only the days it does not have yet (idempotent). */
public final class DimDatePopulator {
    private static final List<String> COLUMNS = List.of("d_datekey", "d_dayofmonth", "d_monthnum", "d_dayofweek",
            "d_prettydate", "d_quarter", "d_half", "d_year", "d_season", "d_fiscalyear");
    private static final int ROWS_PER_STATEMENT = 500;

    private final String schema;

    public DimDatePopulator(String schema) {
        this.schema = SqlIdentifier.require(schema, "warehouse.schema");
    }

    /** Inserts the missing days of [{@code from}, {@code to}] in one transaction; returns how many were inserted. */
    public long populate(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Cannot populate dim_date: " + to + " is before " + from);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Set<Integer> present = presentKeys(connection, from, to);
            List<DimDateRow> missing = from.datesUntil(to.plusDays(1))
                    .filter(day -> !present.contains(DateKey.of(day).value()))
                    .map(DimDateRow::of)
                    .toList();
            for (int first = 0; first < missing.size(); first += ROWS_PER_STATEMENT) {
                insert(connection, missing.subList(first, Math.min(missing.size(), first + ROWS_PER_STATEMENT)));
            }
            connection.commit();
            return missing.size();
        } catch (SQLException | RuntimeException e) {
            RollbackOnFailure.rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private Set<Integer> presentKeys(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Set<Integer> keys = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT d_datekey FROM " + schema + ".dim_date WHERE d_datekey BETWEEN ? AND ?")) {
            statement.setInt(1, DateKey.of(from).value());
            statement.setInt(2, DateKey.of(to).value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getInt(1));
                }
            }
        }
        return keys;
    }

    /** One multi-row INSERT of the days: one round trip in both dialects (Redshift runs a JDBC batch row by row). */
    private void insert(Connection connection, List<DimDateRow> days) throws SQLException {
        String row = "(" + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";
        String sql = "INSERT INTO " + schema + ".dim_date (" + String.join(", ", COLUMNS) + ") VALUES "
                + String.join(", ", Collections.nCopies(days.size(), row));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int first = 1;
            for (DimDateRow day : days) {
                bind(statement, first, day);
                first += COLUMNS.size();
            }
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, int first, DimDateRow row) throws SQLException {
        statement.setInt(first, row.datekey());
        statement.setInt(first + 1, row.dayOfMonth());
        statement.setInt(first + 2, row.monthNum());
        statement.setString(first + 3, row.dayOfWeek());
        statement.setDate(first + 4, Date.valueOf(row.prettyDate()));
        statement.setInt(first + 5, row.quarter());
        statement.setInt(first + 6, row.half());
        statement.setInt(first + 7, row.year());
        statement.setString(first + 8, row.season());
        statement.setInt(first + 9, row.fiscalYear());
    }
}
