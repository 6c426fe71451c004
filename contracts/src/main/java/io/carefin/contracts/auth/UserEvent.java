package io.carefin.contracts.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a practice user's ability to sign in, on {@value #TOPIC}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = UserLocked.class, name = "UserLocked"),
		@JsonSubTypes.Type(value = UserUnlocked.class, name = "UserUnlocked"),
		@JsonSubTypes.Type(value = UserSuspended.class, name = "UserSuspended"),
		@JsonSubTypes.Type(value = UserReactivated.class, name = "UserReactivated"),
		@JsonSubTypes.Type(value = PasswordChanged.class, name = "PasswordChanged") })
public sealed interface UserEvent extends DomainEvent
		permits UserLocked, UserUnlocked, UserSuspended, UserReactivated, PasswordChanged {

	/**
	 * Topic of practice users' sign-in state, keyed by user id.
	 */
	String TOPIC = "auth.users";

	@Override
	default String topic() {
		return TOPIC;
	}

}
