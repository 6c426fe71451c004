package io.carefin.notification.patient;

import java.util.UUID;

/**
 * An event about an account whose approval notification-service has not seen yet.
 */
public class UnknownAccountException extends RuntimeException {

	UnknownAccountException(UUID accountId) {
		super("No patient known yet for account " + accountId);
	}

}
