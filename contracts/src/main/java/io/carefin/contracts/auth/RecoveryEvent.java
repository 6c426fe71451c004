package io.carefin.contracts.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * A practice user asked to recover their user ID or password, on {@value #TOPIC}. This
 * topic carries reset tokens to notification-service and must be read by nothing else.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = UserIdReminderRequested.class, name = "UserIdReminderRequested"),
		@JsonSubTypes.Type(value = PasswordResetRequested.class, name = "PasswordResetRequested"),
		@JsonSubTypes.Type(value = UserInvited.class, name = "UserInvited") })
public sealed interface RecoveryEvent extends DomainEvent
		permits UserIdReminderRequested, PasswordResetRequested, UserInvited {

	/**
	 * Topic of account access links and reminders, keyed by user id.
	 */
	String TOPIC = "auth.recoveries";

	@Override
	default String topic() {
		return TOPIC;
	}

}
