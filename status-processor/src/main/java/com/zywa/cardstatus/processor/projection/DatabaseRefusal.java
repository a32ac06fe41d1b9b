package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.SafeMessages;
import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells a row PostgreSQL refuses for its content (SQLState class 22 data exception, 23 integrity violation, 54 limit
 * exceeded) from a failure worth retrying, and words the database's reason without the values it was given: only
 * the SQLState and {@link SafeMessages#safe} of the message, since drivers may echo parameters (phones).
 */
final class DatabaseRefusal {

    private DatabaseRefusal() {}

    /** True when retrying the same row can never succeed. */
    static boolean isContent(Throwable failure) {
        SQLException sql = sqlException(failure);
        if (sql != null && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
        }
        return failure instanceof DataIntegrityViolationException;
    }

    /** The database's reason, safe for logs and dead-letter headers. */
    static String reason(Throwable failure) {
        SQLException sql = sqlException(failure);
        Throwable source = sql != null ? sql : failure;
        return (sql != null
                        ? "SQLState " + sql.getSQLState() + ": "
                        : source.getClass().getSimpleName() + ": ")
                + SafeMessages.safe(source.getMessage());
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return next != null && next.getSQLState() != null ? next : sql;
            }
        }
        return null;
    }
}
