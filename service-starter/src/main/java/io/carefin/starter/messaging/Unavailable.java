package io.carefin.starter.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by something a listener needs being unreachable (its database
 * down, restarting or cut off; no connection to be had) from a failure of the record
 * itself. The first passes when the resource is back, so the record is held and retried
 * for as long as it takes; parking it would take an event that is perfectly good out of
 * its stream. The second is retried a few times and parked.
 * <p>
 * Deadlocks, serialization failures and lock timeouts are not counted here: they are a
 * record's own trouble with its neighbours and a few retries settle them.
 */
public final class Unavailable {

	/**
	 * SQLSTATEs of a server that cannot be reached or is not taking work: class 08
	 * (connection exception) by prefix; admin and crash shutdown, cannot connect now; too
	 * many connections, out of memory.
	 */
	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "53200");

	private Unavailable() {
	}

	/**
	 * Whether the failure, or any of its causes, says a resource the listener needs is
	 * unreachable.
	 */
	public static boolean causes(@Nullable Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (isUnreachable(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnreachable(Throwable failure) {
		if (failure instanceof CannotCreateTransactionException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessResourceException
				|| failure instanceof RecoverableDataAccessException
				|| failure instanceof SQLTransientConnectionException
				|| failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException
				|| failure instanceof ConnectException) {
			return true;
		}
		if (failure instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || STATES.contains(state);
		}
		return false;
	}

}
