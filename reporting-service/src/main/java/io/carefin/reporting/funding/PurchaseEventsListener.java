package io.carefin.reporting.funding;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.starter.messaging.Inbox;

/**
 * Adds each purchase to its practice's business day, once.
 */
@Component
@EnableConfigurationProperties(BusinessDayProperties.class)
class PurchaseEventsListener {

	private final Inbox inbox;

	private final DailyFunding dailyFunding;

	private final BusinessDayProperties businessDays;

	PurchaseEventsListener(Inbox inbox, DailyFunding dailyFunding, BusinessDayProperties businessDays) {
		this.inbox = inbox;
		this.dailyFunding = dailyFunding;
		this.businessDays = businessDays;
	}

	@KafkaListener(topics = PurchaseEvent.TOPIC)
	@Transactional
	void on(PurchaseEvent event) {
		switch (event) {
			case PurchaseApproved purchase ->
				this.inbox.receive(purchase, () -> this.dailyFunding.addPurchase(purchase.practiceId(),
						this.businessDays.businessDay(purchase.occurredAt()), purchase.amount()));
			default -> {
			}
		}
	}

}
