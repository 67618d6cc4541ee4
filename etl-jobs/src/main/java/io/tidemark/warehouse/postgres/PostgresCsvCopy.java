package io.tidemark.warehouse.postgres;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.apache.spark.sql.Row;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a table with {@code COPY table (columns) FROM STDIN} in CSV through a fixed-size buffer (the
 * input is never held in memory). Text is quoted with {@code "} doubled, so commas, quotes and newlines survive;
 * NULL is the unquoted empty field and the empty string is {@code ""}. Timestamps ({@link Timestamp} or
 * {@link Instant}) are written as UTC wall-clock time, as {@code TIMESTAMP} columns hold them.
 */
public final class PostgresCsvCopy {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final String copy;

    /** {@code table} and {@code columns} are trusted SQL text (constants or validated identifiers). */
    public PostgresCsvCopy(String table, List<String> columns) {
        Objects.requireNonNull(table, "table is null");
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    /** Copies every row (its values in column order; nulls allowed); returns how many rows the server took. */
    public long copy(Connection connection, Iterator<? extends List<?>> rows) throws SQLException {
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            PGCopyOutputStream out = new PGCopyOutputStream(copyIn, BUFFER_BYTES);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            while (rows.hasNext()) {
                writeRow(writer, rows.next());
            }
            writer.flush();
            return out.endCopy();
        } catch (IOException e) {
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException("Cannot stream rows (" + copy + "): " + e.getMessage(), "08006", e);
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** Copies Spark rows (their fields in column order), as {@link #copy} does; returns how many rows the server took. */
    public long copyRows(Connection connection, Iterator<Row> rows) throws SQLException {
        return copy(connection, new Iterator<List<?>>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<?> next() {
                Row row = rows.next();
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                return Arrays.asList(values);
            }
        });
    }

    private static void writeRow(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeValue(out, values.get(i));
        }
        out.write('\n');
    }

    private static void writeValue(Writer out, Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean) {
            out.write(value.toString());
        } else if (value instanceof Timestamp timestamp) {
            out.write(utc(timestamp.toInstant()));
        } else if (value instanceof Instant instant) {
            out.write(utc(instant));
        } else {
            out.write('"');
            out.write(value.toString().replace("\"", "\"\""));
            out.write('"');
        }
    }

    private static String utc(Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
