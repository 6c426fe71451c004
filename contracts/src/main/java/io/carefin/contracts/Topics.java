package io.carefin.contracts;

import java.util.List;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.notification.DeliveryEvent;
import io.carefin.contracts.transaction.PurchaseEvent;

/**
 * Every topic the platform's events travel on, named {@code <owner>.<aggregate-plural>}.
 */
public final class Topics {

	/**
	 * All event topics, one per event family.
	 */
	public static final List<String> ALL = List.of(UserEvent.TOPIC, ChallengeEvent.TOPIC, RecoveryEvent.TOPIC,
			SignInEvent.TOPIC, PurchaseEvent.TOPIC, PaymentEvent.TOPIC, DeliveryEvent.TOPIC);

	private Topics() {
	}

}
