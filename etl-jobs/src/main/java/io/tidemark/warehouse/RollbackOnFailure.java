package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Rolls back after a failure without hiding it: a failing rollback is attached to the original failure. */
final class RollbackOnFailure {
    private RollbackOnFailure() {
    }

    static void rollback(Connection connection, Exception failure) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
