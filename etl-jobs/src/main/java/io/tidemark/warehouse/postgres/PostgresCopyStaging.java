package io.tidemark.warehouse.postgres;

import io.tidemark.warehouse.FlowHourlyRow;
import io.tidemark.warehouse.FlowHourlyStaging;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Stages rows with {@code COPY ... FROM STDIN} in CSV, streamed through a fixed-size buffer (the input is never
 * held in memory). Every text value is quoted, with {@code "} doubled, so commas, quotes and newlines survive;
 * NULL is the unquoted empty field and the empty string is {@code ""}.
 */
public final class PostgresCopyStaging implements FlowHourlyStaging {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final String COPY = "COPY " + TABLE + " (" + String.join(", ", COLUMNS)
            + ") FROM STDIN WITH (FORMAT csv)";

    @Override
    public long stage(Connection connection, Iterator<FlowHourlyRow> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            PGCopyOutputStream out = new PGCopyOutputStream(copy, BUFFER_BYTES);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            while (rows.hasNext()) {
                writeRow(writer, rows.next());
            }
            writer.flush();
            return out.endCopy();
        } catch (IOException e) {
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException("Cannot stream rows into " + TABLE + ": " + e.getMessage(), "08006", e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void writeRow(Writer out, FlowHourlyRow row) throws IOException {
        out.write(Integer.toString(row.datekey()));
        out.write(',');
        out.write(Integer.toString(row.hr()));
        out.write(',');
        out.write(Long.toString(row.interfaceKey()));
        writeText(out, row.accountId());
        writeText(out, row.interfaceId());
        writeText(out, row.vpcId());
        writeText(out, row.subnetId());
        writeText(out, row.instanceId());
        writeText(out, row.action());
        out.write(',');
        out.write(Integer.toString(row.protocol()));
        out.write(',');
        out.write(Long.toString(row.flows()));
        out.write(',');
        out.write(Long.toString(row.packets()));
        out.write(',');
        out.write(Long.toString(row.bytes()));
        out.write('\n');
    }

    /** A comma, then the value quoted with inner quotes doubled, or nothing for NULL. */
    private static void writeText(Writer out, String value) throws IOException {
        out.write(',');
        if (value == null) {
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
