package io.carefin.contracts;

import java.util.List;
import java.util.Map;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PromotionEvent;
import io.carefin.contracts.auth.AccessEvent;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.notification.DeliveryEvent;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.PurchaseEvent;

/**
 * Every topic the platform's events travel on, named {@code <owner>.<aggregate-plural>},
 * and the event family each one carries.
 */
public final class Topics {

	/**
	 * The event family, a sealed interface, that each topic carries.
	 */
	public static final Map<String, Class<? extends DomainEvent>> FAMILIES = Map.of(UserEvent.TOPIC, UserEvent.class,
			ChallengeEvent.TOPIC, ChallengeEvent.class, RecoveryEvent.TOPIC, RecoveryEvent.class, SignInEvent.TOPIC,
			SignInEvent.class, ApplicationEvent.TOPIC, ApplicationEvent.class, PurchaseEvent.TOPIC, PurchaseEvent.class,
			PaymentEvent.TOPIC, PaymentEvent.class, PromotionEvent.TOPIC, PromotionEvent.class, DeliveryEvent.TOPIC,
			DeliveryEvent.class, AccessEvent.TOPIC, AccessEvent.class);

	/**
	 * All event topics.
	 */
	public static final List<String> ALL = List.copyOf(FAMILIES.keySet());

	private Topics() {
	}

}
