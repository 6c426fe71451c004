package io.carefin.starter.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailableTests {

	@Test
	void aDatabaseThatCannotBeReachedWhenTheTransactionStarts() {
		// what a @Transactional listener throws while PostgreSQL is down: the pool timed
		// out, its last attempt refused
		Exception failure = new ListenerExecutionFailedException("Listener failed",
				new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new SQLTransientConnectionException("Connection is not available, request timed out",
								new PSQLException("Connection to 127.0.0.1:5432 refused",
										PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException()))));

		assertThat(Unavailable.causes(failure)).isTrue();
	}

	@Test
	void aConnectionLostWhileTheTransactionRuns() {
		assertThat(Unavailable.causes(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
			.isTrue();
		assertThat(Unavailable
			.causes(new TransactionSystemException("Could not commit JDBC transaction", new PSQLException(
					"An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))))
			.isTrue();
		assertThat(Unavailable.causes(new SQLException("terminating connection due to administrator command", "57P01")))
			.isTrue();
	}

	@Test
	void notARecordsOwnFailure() {
		assertThat(Unavailable.causes(new ListenerExecutionFailedException("Listener failed",
				new IllegalStateException("No account 42 yet"))))
			.isFalse();
		assertThat(Unavailable.causes(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(Unavailable.causes(
				new CannotAcquireLockException("deadlock detected", new SQLException("deadlock detected", "40P01"))))
			.isFalse();
		assertThat(Unavailable.causes(new SQLException("no state"))).isFalse();
		assertThat(Unavailable.causes(null)).isFalse();
	}

}
