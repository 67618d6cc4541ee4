package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as text lines (columns joined by {@code |}, NULL as {@code <null>}), for exact comparisons. */
public final class TableDump {
    private TableDump() {
    }

    public static List<String> of(Connection connection, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    line.append(i == 1 ? "" : "|").append(value == null ? "<null>" : value.toString());
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
