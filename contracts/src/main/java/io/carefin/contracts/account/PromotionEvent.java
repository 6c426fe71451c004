package io.carefin.contracts.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a promotional balance on a patient's account, on
 * {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = PromotionEndingSoon.class, name = "PromotionEndingSoon"))
public sealed interface PromotionEvent extends DomainEvent permits PromotionEndingSoon {

	/**
	 * Topic of promotional balances, keyed by account id.
	 */
	String TOPIC = "account.promotions";

	@Override
	default String topic() {
		return TOPIC;
	}

}
