package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The table-specific part of an audited load, run inside its transaction: stage the input (temp tables, COPY),
 * then MERGE or delete-then-insert into the target tables. It must not commit, roll back or change auto-commit.
 * A retried load calls it again on a new connection, so it must read its input afresh each time.
 */
@FunctionalInterface
public interface LoadWork {
    /** Stages and applies the load's input on {@code connection}; returns the number of input rows staged. */
    long apply(Connection connection) throws SQLException;
}
