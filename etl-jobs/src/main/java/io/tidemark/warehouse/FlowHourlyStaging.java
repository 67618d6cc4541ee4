package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/** Writes a load's input rows into the session's staging table {@value #TABLE} (created by the load). */
public interface FlowHourlyStaging {
    String TABLE = "stage_flow_hourly";

    /** The staging table's columns, in the order stagers write them. */
    List<String> COLUMNS = List.of("datekey", "hr", "interface_key", "account_id", "interface_id", "vpc_id",
            "subnet_id", "instance_id", "action", "protocol", "flows", "packets", "bytes");

    /** Streams every row into the staging table; returns how many rows were staged. */
    long stage(Connection connection, Iterator<FlowHourlyRow> rows) throws SQLException;
}
