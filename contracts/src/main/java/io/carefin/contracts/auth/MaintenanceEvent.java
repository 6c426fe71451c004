package io.carefin.contracts.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * A change to the platform's maintenance mode, on {@value #TOPIC}: a compacted topic with
 * one key, which the gateway and the portal read from its beginning in every replica, so
 * that its latest record is the state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = MaintenanceChanged.class, name = "MaintenanceChanged"))
public sealed interface MaintenanceEvent extends DomainEvent permits MaintenanceChanged {

	/**
	 * Topic of the maintenance mode, compacted, keyed by {@value #KEY}.
	 */
	String TOPIC = "auth.maintenance";

	/**
	 * The one key of the topic: there is one maintenance mode, the platform's.
	 */
	String KEY = "platform";

	@Override
	default String topic() {
		return TOPIC;
	}

	@Override
	default String aggregateId() {
		return KEY;
	}

}
