package io.carefin.contracts.transaction;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a purchase on a promotional plan, on {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = PurchaseApproved.class, name = "PurchaseApproved"))
public sealed interface PurchaseEvent extends DomainEvent permits PurchaseApproved {

	/**
	 * Topic of purchases, refunds and voids, keyed by purchase id.
	 */
	String TOPIC = "transaction.purchases";

	@Override
	default String topic() {
		return TOPIC;
	}

}
