package io.carefin.contracts.auth;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.carefin.contracts.DomainEvent;

/**
 * Something that happened to a practice's enrolment, on {@value #TOPIC}: enrolled by ops,
 * its details changed, closed. The events describe the practice only, never its users or
 * patients.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = DomainEvent.TYPE_PROPERTY)
@JsonSubTypes({ @JsonSubTypes.Type(value = PracticeEnrolled.class, name = "PracticeEnrolled"),
		@JsonSubTypes.Type(value = PracticeChanged.class, name = "PracticeChanged"),
		@JsonSubTypes.Type(value = PracticeClosed.class, name = "PracticeClosed") })
public sealed interface PracticeEvent extends DomainEvent permits PracticeEnrolled, PracticeChanged, PracticeClosed {

	/**
	 * Topic of practices' enrolment, keyed by practice id.
	 */
	String TOPIC = "auth.practices";

	/**
	 * The practice the event is about.
	 */
	UUID practiceId();

	@Override
	default String aggregateId() {
		return practiceId().toString();
	}

	@Override
	default String topic() {
		return TOPIC;
	}

}
