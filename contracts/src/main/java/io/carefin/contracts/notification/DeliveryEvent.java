package io.carefin.contracts.notification;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * The outcome of sending one message, on {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = DeliveryFailed.class, name = "DeliveryFailed"))
public sealed interface DeliveryEvent extends DomainEvent permits DeliveryFailed {

	/**
	 * Topic of delivery outcomes, keyed by delivery id.
	 */
	String TOPIC = "notification.deliveries";

	@Override
	default String topic() {
		return TOPIC;
	}

}
