package io.carefin.contracts;

import java.util.List;
import java.util.Map;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PromotionEvent;
import io.carefin.contracts.auth.AccessEvent;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.MaintenanceEvent;
import io.carefin.contracts.auth.PracticeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.notification.DeliveryEvent;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.CreditLineEvent;
import io.carefin.contracts.transaction.PurchaseEvent;

/**
 * Every topic the platform's events travel on, named {@code <owner>.<aggregate-plural>},
 * and the event family each one carries.
 */
public final class Topics {

	/**
	 * The event family, a sealed interface, that each topic carries.
	 */
	public static final Map<String, Class<? extends DomainEvent>> FAMILIES = Map.ofEntries(
			Map.entry(UserEvent.TOPIC, UserEvent.class), Map.entry(ChallengeEvent.TOPIC, ChallengeEvent.class),
			Map.entry(RecoveryEvent.TOPIC, RecoveryEvent.class), Map.entry(SignInEvent.TOPIC, SignInEvent.class),
			Map.entry(ApplicationEvent.TOPIC, ApplicationEvent.class),
			Map.entry(CreditLineEvent.TOPIC, CreditLineEvent.class),
			Map.entry(PurchaseEvent.TOPIC, PurchaseEvent.class), Map.entry(PaymentEvent.TOPIC, PaymentEvent.class),
			Map.entry(PromotionEvent.TOPIC, PromotionEvent.class), Map.entry(DeliveryEvent.TOPIC, DeliveryEvent.class),
			Map.entry(AccessEvent.TOPIC, AccessEvent.class), Map.entry(MaintenanceEvent.TOPIC, MaintenanceEvent.class),
			Map.entry(PracticeEvent.TOPIC, PracticeEvent.class));

	/**
	 * All event topics.
	 */
	public static final List<String> ALL = List.copyOf(FAMILIES.keySet());

	private Topics() {
	}

}
