package io.tidemark.warehouse.redshift;

import io.tidemark.warehouse.FlowHourlyRow;
import io.tidemark.warehouse.FlowHourlyStaging;
import io.tidemark.warehouse.MultiRowInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Iterator;

/**
 * Interim Redshift staging: multi-row {@code INSERT} into the temp staging table, {@value #ROWS_PER_STATEMENT}
 * rows per statement. Fine for hourly windows of aggregated flows; a later issue replaces it with
 * {@code COPY ... FROM 's3://...' MANIFEST IAM_ROLE ...} from the files Spark stages, as DESIGN.md's load
 * protocol asks. The SQL is plain, so tests run it against PostgreSQL too.
 */
public final class RedshiftInsertStaging implements FlowHourlyStaging {
    static final int ROWS_PER_STATEMENT = 500;

    private final MultiRowInsert<FlowHourlyRow> insert =
            new MultiRowInsert<>(TABLE, COLUMNS, ROWS_PER_STATEMENT, RedshiftInsertStaging::bind);

    @Override
    public long stage(Connection connection, Iterator<FlowHourlyRow> rows) throws SQLException {
        return insert.insert(connection, rows);
    }

    private static void bind(PreparedStatement statement, int first, FlowHourlyRow row) throws SQLException {
        statement.setInt(first, row.datekey());
        statement.setInt(first + 1, row.hr());
        statement.setLong(first + 2, row.interfaceKey());
        statement.setString(first + 3, row.accountId());
        statement.setString(first + 4, row.interfaceId());
        setText(statement, first + 5, row.vpcId());
        setText(statement, first + 6, row.subnetId());
        setText(statement, first + 7, row.instanceId());
        statement.setString(first + 8, row.action());
        statement.setInt(first + 9, row.protocol());
        statement.setLong(first + 10, row.flows());
        statement.setLong(first + 11, row.packets());
        statement.setLong(first + 12, row.bytes());
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
