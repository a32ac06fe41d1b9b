package com.zywa.cardstatus.support.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.support.errors.Failures.Kind;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Each kind of failure, told by its SQLState first and by its exception types when it has none. */
class FailuresTests {

    @Test
    void aLostOrRefusedConnectionIsTheDatabaseUnavailable() {
        assertThat(Failures.kind(translated(sql("08006", "An I/O error occurred while sending to the backend."))))
                .isEqualTo(Kind.DATABASE_UNAVAILABLE);
        assertThat(Failures.kind(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLException("Connection to 127.0.0.1:5432 refused"))))
                .isEqualTo(Kind.DATABASE_UNAVAILABLE);
    }

    @Test
    void dataTheDatabaseRefusesForItsContentIsContentRefused() {
        assertThat(Failures.kind(translated(sql("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))))
                .isEqualTo(Kind.CONTENT_REFUSED);
        assertThat(Failures.kind(translated(sql("23505", "duplicate key")))).isEqualTo(Kind.CONTENT_REFUSED);
        assertThat(Failures.kind(translated(sql("54000", "index row size exceeds maximum"))))
                .isEqualTo(Kind.CONTENT_REFUSED);
        assertThat(Failures.kind(new DataIntegrityViolationException("no SQLState")))
                .isEqualTo(Kind.CONTENT_REFUSED);
    }

    @Test
    void theRealReasonOfABatchIsItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "XX000", new int[0]);
        batch.setNextException(sql("23502", "null value in column"));

        assertThat(Failures.kind(translated(batch))).isEqualTo(Kind.CONTENT_REFUSED);
        assertThat(Failures.reason(translated(batch))).isEqualTo("SQLState 23502: null value in column");
    }

    @Test
    void deadlocksTimeoutsAndADatabaseShuttingDownAreRetriable() {
        assertThat(Failures.kind(new PessimisticLockingFailureException("deadlock", sql("40P01", "deadlock"))))
                .isEqualTo(Kind.RETRIABLE);
        assertThat(Failures.kind(new QueryTimeoutException("timeout", sql("57014", "canceling statement"))))
                .isEqualTo(Kind.RETRIABLE);
        assertThat(Failures.kind(translated(sql("57P01", "terminating connection due to administrator command"))))
                .isEqualTo(Kind.RETRIABLE);
        assertThat(Failures.kind(translated(sql("53300", "too many connections"))))
                .isEqualTo(Kind.RETRIABLE);
        assertThat(Failures.kind(new SQLTransientConnectionException("pool timed out")))
                .isEqualTo(Kind.RETRIABLE);
    }

    @Test
    void kafkasRetriableErrorsAreRetriableThroughTheFutureThatCarriedThem() {
        assertThat(Failures.kind(new ExecutionException(new UnknownTopicOrPartitionException("card.status"))))
                .isEqualTo(Kind.RETRIABLE);
        assertThat(Failures.kind(new TimeoutException("no answer"))).isEqualTo(Kind.RETRIABLE);
        assertThat(Failures.kind(new ExecutionException(new TopicAuthorizationException("card.status"))))
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void anythingElseIsOther() {
        assertThat(Failures.kind(new BadSqlGrammarException("select", "SELEC 1", sql("42601", "syntax error"))))
                .isEqualTo(Kind.OTHER);
        assertThat(Failures.kind(new IllegalStateException("bug"))).isEqualTo(Kind.OTHER);
    }

    @Test
    void tellsADatabaseFailureOfAnyKindFromAnyOtherFailure() {
        assertThat(Failures.isDatabase(new IllegalStateException("wrapped", translated(sql("23505", "duplicate")))))
                .isTrue();
        assertThat(Failures.isDatabase(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(Failures.isDatabase(new TimeoutException("Kafka"))).isFalse();
    }

    @Test
    void wordsAReasonWithoutTheValuesADriverEchoes() {
        assertThat(Failures.reason(translated(sql("22021", "invalid value \"+971501234567\" for column phone"))))
                .isEqualTo("SQLState 22021: invalid value \"…\" for column phone");
        assertThat(Failures.reason(new IllegalStateException("bad 'secret'")))
                .isEqualTo("IllegalStateException: bad \"…\"");
    }

    private static SQLException sql(String state, String message) {
        return new SQLException(message, state);
    }

    /** As Spring hands a driver's exception on when it knows no better type for it. */
    private static UncategorizedSQLException translated(SQLException e) {
        return new UncategorizedSQLException("upsert", "INSERT ...", e);
    }
}
