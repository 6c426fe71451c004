package io.carefin.contracts.transaction;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a patient's credit line, on {@value #TOPIC}: the facts of
 * the person who holds it, which only the servicing account needs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = CreditLineOpened.class, name = "CreditLineOpened") })
public sealed interface CreditLineEvent extends DomainEvent permits CreditLineOpened {

	/**
	 * Topic of credit lines, keyed by account id. It carries the patient's date of birth
	 * and address: account-service is its only consumer, and must never log them.
	 */
	String TOPIC = "transaction.credit-lines";

	/**
	 * The patient's financing account (the credit line).
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
