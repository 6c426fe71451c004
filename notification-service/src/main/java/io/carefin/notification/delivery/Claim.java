package io.carefin.notification.delivery;

import java.util.UUID;

/**
 * What a consumer may do with one message of an event.
 */
sealed interface Claim {

	/**
	 * Send it: this is attempt {@code attempt} of delivery {@code deliveryId}.
	 */
	record Send(UUID deliveryId, int attempt) implements Claim {
	}

	/**
	 * It was already sent (or dropped by a cap): a repeat of the event.
	 */
	record Done() implements Claim {
	}

	/**
	 * The recipient reached the cap: dropped now, and recorded as dropped.
	 */
	record Capped(UUID deliveryId) implements Claim {
	}

	/**
	 * Another consumer is sending it right now.
	 */
	record InFlight(UUID deliveryId) implements Claim {
	}

}
