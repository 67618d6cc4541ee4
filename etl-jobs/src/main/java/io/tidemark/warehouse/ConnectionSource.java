package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens new connections to one warehouse and knows its dialect. */
public interface ConnectionSource {
    /** A new connection; the caller closes it. */
    Connection open() throws SQLException;

    SqlDialect dialect();
}
