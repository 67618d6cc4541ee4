package io.tidemark.warehouse;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Recognises failures after which re-running the whole transaction can succeed: serialization failures
 * (SQLState {@code 40001}; Redshift's "ERROR: 1023 ... Serializable isolation violation") and lost connections
 * (SQLState class {@code 08}). Walks chained and cause exceptions, since drivers wrap them.
 */
public final class TransientSqlFailure {
    private TransientSqlFailure() {
    }

    public static boolean isTransient(SQLException failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (isTransientState(sql.getSQLState()) || isRedshift1023(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String sqlState) {
        return sqlState != null && (sqlState.equals("40001") || sqlState.startsWith("08"));
    }

    private static boolean isRedshift1023(SQLException failure) {
        String message = failure.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("serializable isolation violation");
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
