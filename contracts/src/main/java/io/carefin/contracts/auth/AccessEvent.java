package io.carefin.contracts.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that ends access tokens a practice user already holds, on {@value #TOPIC}.
 * Every service and the gateway read this topic, so its events carry ids and times only,
 * never a name or an address.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = AccessRevoked.class, name = "AccessRevoked"))
public sealed interface AccessEvent extends DomainEvent permits AccessRevoked {

	/**
	 * Topic of revoked access, keyed by user id.
	 */
	String TOPIC = "auth.revocations";

	@Override
	default String topic() {
		return TOPIC;
	}

}
