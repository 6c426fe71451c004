package io.carefin.notification.delivery;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.account.PromotionEndingSoon;
import io.carefin.contracts.account.PromotionEvent;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.auth.UserIdReminderRequested;
import io.carefin.contracts.auth.UserInvited;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseDeclined;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.contracts.transaction.PurchaseSettled;
import io.carefin.contracts.transaction.PurchaseVoided;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.notification.message.MessageCatalogue;
import io.carefin.notification.patient.PatientDirectory;

/**
 * Turns each event this service consumes into the messages it asks for and delivers them.
 * Codes and tokens pass through in memory only.
 */
@Component
class EventListeners {

	private final MessageCatalogue catalogue;

	private final PatientDirectory patients;

	private final DeliveryService deliveries;

	EventListeners(MessageCatalogue catalogue, PatientDirectory patients, DeliveryService deliveries) {
		this.catalogue = catalogue;
		this.patients = patients;
		this.deliveries = deliveries;
	}

	@KafkaListener(topics = ChallengeEvent.TOPIC)
	void on(ChallengeEvent event) {
		switch (event) {
			case CodeRequested code -> this.deliveries.deliver(code, List.of(this.catalogue.code(code)));
		}
	}

	@KafkaListener(topics = UserEvent.TOPIC)
	void on(UserEvent event) {
		this.deliveries.deliver(event, List.of(this.catalogue.notice(event)));
	}

	@KafkaListener(topics = RecoveryEvent.TOPIC)
	void on(RecoveryEvent event) {
		switch (event) {
			case UserIdReminderRequested reminder ->
				this.deliveries.deliver(reminder, List.of(this.catalogue.reminder(reminder)));
			case PasswordResetRequested reset -> this.deliveries.deliver(reset, List.of(this.catalogue.reset(reset)));
			case UserInvited invited -> this.deliveries.deliver(invited, List.of(this.catalogue.invitation(invited)));
		}
	}

	@KafkaListener(topics = ApplicationEvent.TOPIC)
	void on(ApplicationEvent event) {
		if (event instanceof ApplicationApproved approved) {
			this.patients.remember(approved);
		}
		this.deliveries.deliver(event, List.of(this.catalogue.decision(event)));
	}

	@KafkaListener(topics = PurchaseEvent.TOPIC)
	void on(PurchaseEvent event) {
		switch (event) {
			case PurchaseApproved purchase -> this.deliveries.deliver(purchase,
					List.of(this.catalogue.receipt(purchase, this.patients.require(purchase.accountId()))));
			case RefundIssued refund -> this.deliveries.deliver(refund,
					List.of(this.catalogue.receipt(refund, this.patients.require(refund.accountId()))));
			case PurchaseDeclined declined -> this.deliveries.deliver(declined, List.of());
			case PurchaseVoided voided -> this.deliveries.deliver(voided, List.of());
			case PurchaseSettled settled -> this.deliveries.deliver(settled, List.of());
		}
	}

	@KafkaListener(topics = PaymentEvent.TOPIC)
	void on(PaymentEvent event) {
		switch (event) {
			case PaymentPosted payment -> this.deliveries.deliver(payment,
					List.of(this.catalogue.receipt(payment, this.patients.require(payment.accountId()))));
		}
	}

	@KafkaListener(topics = PromotionEvent.TOPIC)
	void on(PromotionEvent event) {
		switch (event) {
			case PromotionEndingSoon ending -> this.deliveries.deliver(ending,
					List.of(this.catalogue.reminder(ending, this.patients.require(ending.accountId()))));
		}
	}

}
