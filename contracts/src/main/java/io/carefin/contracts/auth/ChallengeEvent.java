package io.carefin.contracts.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a sign-in's second-factor challenge, on {@value #TOPIC}.
 * This topic carries one-time codes to notification-service and must be read by nothing
 * else.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes(@JsonSubTypes.Type(value = CodeRequested.class, name = "CodeRequested"))
public sealed interface ChallengeEvent extends DomainEvent permits CodeRequested {

	/**
	 * Topic of second-factor challenges, keyed by challenge id.
	 */
	String TOPIC = "auth.challenges";

	@Override
	default String topic() {
		return TOPIC;
	}

}
