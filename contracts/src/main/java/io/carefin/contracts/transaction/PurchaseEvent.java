package io.carefin.contracts.transaction;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a purchase on a patient's credit line, on {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = PurchaseApproved.class, name = "PurchaseApproved"),
		@JsonSubTypes.Type(value = PurchaseDeclined.class, name = "PurchaseDeclined"),
		@JsonSubTypes.Type(value = RefundIssued.class, name = "RefundIssued"),
		@JsonSubTypes.Type(value = PurchaseVoided.class, name = "PurchaseVoided"),
		@JsonSubTypes.Type(value = PurchaseSettled.class, name = "PurchaseSettled") })
public sealed interface PurchaseEvent extends DomainEvent
		permits PurchaseApproved, PurchaseDeclined, RefundIssued, PurchaseVoided, PurchaseSettled {

	/**
	 * Topic of purchases, declines, refunds, voids and settlements, keyed by account id
	 * so that everything that happens to one patient's account stays in order.
	 */
	String TOPIC = "transaction.purchases";

	/**
	 * The purchase.
	 */
	UUID purchaseId();

	/**
	 * The practice that made the sale.
	 */
	UUID practiceId();

	/**
	 * The patient's financing account.
	 */
	UUID accountId();

	@Override
	default String topic() {
		return TOPIC;
	}

	@Override
	default String aggregateId() {
		return accountId().toString();
	}

}
