package io.tidemark.warehouse.postgres;

import io.tidemark.warehouse.FlowHourlyRow;
import io.tidemark.warehouse.FlowHourlyStaging;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Stages {@code fact_flow_hourly} input rows with {@code COPY ... FROM STDIN} (see {@link PostgresCsvCopy}). */
public final class PostgresCopyStaging implements FlowHourlyStaging {
    private final PostgresCsvCopy copy = new PostgresCsvCopy(TABLE, COLUMNS);

    @Override
    public long stage(Connection connection, Iterator<FlowHourlyRow> rows) throws SQLException {
        return copy.copy(connection, new Iterator<List<?>>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<?> next() {
                return values(rows.next());
            }
        });
    }

    private static List<?> values(FlowHourlyRow row) {
        return Arrays.asList(row.datekey(), row.hr(), row.interfaceKey(), row.accountId(), row.interfaceId(),
                row.vpcId(), row.subnetId(), row.instanceId(), row.action(), row.protocol(), row.flows(),
                row.packets(), row.bytes());
    }
}
