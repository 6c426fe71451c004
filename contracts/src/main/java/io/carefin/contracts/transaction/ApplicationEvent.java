package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * A decision on a patient's credit application, on {@value #TOPIC}. The first decision of
 * an application is the credit engine's, made when it is submitted; a
 * {@code PENDING_REVIEW} application gets a second one, by support staff
 * ({@link #reviewed()}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = ApplicationApproved.class, name = "ApplicationApproved"),
		@JsonSubTypes.Type(value = ApplicationDeclined.class, name = "ApplicationDeclined"),
		@JsonSubTypes.Type(value = ApplicationPendingReview.class, name = "ApplicationPendingReview") })
public sealed interface ApplicationEvent extends DomainEvent
		permits ApplicationApproved, ApplicationDeclined, ApplicationPendingReview {

	/**
	 * Topic of credit application decisions, keyed by application id. Approvals carry the
	 * patient's date of birth and contact: its consumers must never log them.
	 */
	String TOPIC = "transaction.applications";

	/**
	 * The application.
	 */
	UUID applicationId();

	/**
	 * The practice the patient applied at.
	 */
	UUID practiceId();

	/**
	 * The practice's name, for messages to the patient.
	 */
	String practiceName();

	/**
	 * When the application was submitted (equal to {@link #occurredAt()} for the engine's
	 * decision).
	 */
	Instant submittedAt();

	/**
	 * Who keyed the application in: {@code PATIENT} or {@code STAFF}.
	 */
	String keyedBy();

	/**
	 * The credit the patient asked for.
	 */
	BigDecimal requestedAmount();

	/**
	 * Whether support staff made this decision on an application pending review.
	 */
	boolean reviewed();

	/**
	 * Who to tell about the decision.
	 */
	Patient patient();

	@Override
	default String topic() {
		return TOPIC;
	}

	@Override
	default String aggregateId() {
		return applicationId().toString();
	}

}
