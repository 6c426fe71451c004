package io.carefin.reporting.purchases;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.reporting.businessday.BusinessDays;
import io.carefin.reporting.purchases.FundingModel.FundingDelta;
import io.carefin.starter.messaging.Inbox;

/**
 * Applies each payment once: a payment a practice posted (the patient paid at its front
 * desk) is money it collected for the lender, deducted from its funding on the payment's
 * business day, as settlement deducts it; a payment support posted is the lender's own
 * and changes no practice's funding.
 */
@Component
class PaymentEventsListener {

	static final String ID = "reporting-payments";

	private final Inbox inbox;

	private final FundingModel funding;

	private final BusinessDays businessDays;

	PaymentEventsListener(Inbox inbox, FundingModel funding, BusinessDays businessDays) {
		this.inbox = inbox;
		this.funding = funding;
		this.businessDays = businessDays;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = PaymentEvent.TOPIC)
	@Transactional
	void on(PaymentEvent event) {
		this.inbox.receive(event, () -> {
			switch (event) {
				case PaymentPosted payment -> {
					if (payment.practiceId() != null) {
						this.funding.add(FundingDelta.collected(payment.practiceId(),
								this.businessDays.of(payment.practiceId(), payment.occurredAt()), payment.amount()));
					}
				}
			}
		});
	}

}
