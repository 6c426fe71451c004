package io.carefin.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service publishes for the others, keyed by the aggregate it happened to.
 */
public interface DomainEvent {

	/**
	 * The name of the JSON field that carries an event's logical type.
	 */
	String TYPE_PROPERTY = "type";

	/**
	 * Identifies this occurrence; consumers record it to apply each event once.
	 */
	UUID eventId();

	/**
	 * When the change that this event reports was committed by its producer.
	 */
	Instant occurredAt();

	/**
	 * The id of the aggregate the event is about; the Kafka record key.
	 */
	String aggregateId();

	/**
	 * The topic the event travels on.
	 */
	String topic();

}
