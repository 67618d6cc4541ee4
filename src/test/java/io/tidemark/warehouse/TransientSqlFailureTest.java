package io.tidemark.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransientSqlFailureTest {
    @Test
    void serializationFailuresAndLostConnectionsAreTransient() {
        assertThat(TransientSqlFailure.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(TransientSqlFailure.isTransient(new SQLException("connection reset", "08006"))).isTrue();
        assertThat(TransientSqlFailure.isTransient(new SQLException("refused", "08001"))).isTrue();
        assertThat(TransientSqlFailure.isTransient(new SQLException(
                "ERROR: 1023 DETAIL: Serializable isolation violation on table - 100234, transactions forming the cycle are: 1, 2",
                "XX000"))).isTrue();
    }

    @Test
    void findsTheCauseInsideWrappedFailures() {
        SQLException wrapped = new SQLException("batch failed", "XX000", new SQLException("reset", "08006"));
        SQLException chained = new SQLException("batch failed", "XX000");
        chained.setNextException(new SQLException("serialize", "40001"));

        assertThat(TransientSqlFailure.isTransient(wrapped)).isTrue();
        assertThat(TransientSqlFailure.isTransient(chained)).isTrue();
    }

    @Test
    void dataAndSyntaxErrorsAreNotTransient() {
        assertThat(TransientSqlFailure.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientSqlFailure.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(TransientSqlFailure.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffAfter(50)).isEqualTo(Duration.ofMillis(500));
    }
}
