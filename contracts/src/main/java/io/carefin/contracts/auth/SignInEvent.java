package io.carefin.contracts.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * The outcome of a sign-in step, for the ops security report, on {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = SignInSucceeded.class, name = "SignInSucceeded"),
		@JsonSubTypes.Type(value = SignInFailed.class, name = "SignInFailed") })
public sealed interface SignInEvent extends DomainEvent permits SignInSucceeded, SignInFailed {

	/**
	 * Topic of sign-in outcomes, keyed by user id ({@code unknown} when no user matched).
	 */
	String TOPIC = "auth.sign-ins";

	@Override
	default String topic() {
		return TOPIC;
	}

}
