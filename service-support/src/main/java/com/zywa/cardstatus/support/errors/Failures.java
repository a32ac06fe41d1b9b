package com.zywa.cardstatus.support.errors;

import com.zywa.cardstatus.contract.SafeMessages;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What kind of failure something is, decided here only: by the SQLState of a database failure when it has one (the
 * class says it: 08 connection, 22/23/54 content, 40/53/57 transient), else by the exception types Spring and Kafka
 * give, looking through its causes. Callers decide what to do with a kind; this class only names it.
 */
public final class Failures {

    /** The kinds of failure callers tell apart. */
    public enum Kind {
        /** The database cannot be reached: no connection, or it was lost. */
        DATABASE_UNAVAILABLE,
        /** The database refused the data for its content: the same data will never be taken. */
        CONTENT_REFUSED,
        /** Transient: the same operation may succeed when tried again (a deadlock, a timeout, a Kafka hiccup). */
        RETRIABLE,
        /** Anything else. */
        OTHER
    }

    private Failures() {}

    /** The kind of {@code failure}. */
    public static Kind kind(Throwable failure) {
        SQLException sql = sqlException(failure);
        Kind byState = sql == null ? null : bySqlState(sql.getSQLState());
        if (byState != null) {
            return byState;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException) {
                return Kind.CONTENT_REFUSED;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLRecoverableException) {
                return Kind.DATABASE_UNAVAILABLE;
            }
            if (cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException
                    || cause instanceof RetriableException) {
                return Kind.RETRIABLE;
            }
        }
        return Kind.OTHER;
    }

    /** Whether {@code failure} came from the database, whatever its kind. */
    public static boolean isDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why {@code failure} happened, safe for logs, health details and dead-letter headers: the SQLState and the
     * {@link SafeMessages#safe} message of a database failure (drivers may echo the values they were given), else the
     * exception's class and safe message.
     */
    public static String reason(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql != null
                ? "SQLState " + sql.getSQLState() + ": " + SafeMessages.safe(sql.getMessage())
                : failure.getClass().getSimpleName() + ": " + SafeMessages.safe(failure.getMessage());
    }

    private static @Nullable Kind bySqlState(@Nullable String state) {
        if (state == null || state.length() < 2) {
            return null;
        }
        return switch (state.substring(0, 2)) {
            case "08" -> Kind.DATABASE_UNAVAILABLE;
            case "22", "23", "54" -> Kind.CONTENT_REFUSED;
            case "40", "53", "57" -> Kind.RETRIABLE;
            default -> null;
        };
    }

    /** The first SQL exception among the causes, or the next one it chains when only that one has a SQLState. */
    private static @Nullable SQLException sqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return next != null && next.getSQLState() != null ? next : sql;
            }
        }
        return null;
    }
}
