package io.carefin.contracts.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a payment on a patient's account, on {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = PaymentPosted.class, name = "PaymentPosted"))
public sealed interface PaymentEvent extends DomainEvent permits PaymentPosted {

	/**
	 * Topic of payments, keyed by account id so that one account's payments stay in
	 * order.
	 */
	String TOPIC = "account.payments";

	@Override
	default String topic() {
		return TOPIC;
	}

}
