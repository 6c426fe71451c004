package io.carefin.account.ledger;

import java.util.UUID;

/**
 * A purchase event arrived for an account (or a purchase) this service has not opened
 * yet: the approval travels on another topic and may come later, so the record is retried
 * and then parked on the dead-letter topic, never dropped.
 */
class AccountNotOpenedYetException extends RuntimeException {

	AccountNotOpenedYetException(String what, UUID id) {
		super("No " + what + " " + id + " yet; the event is retried, then parked on the dead-letter topic");
	}

}
