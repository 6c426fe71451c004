package io.carefin.notification.deadletter;

/**
 * No parked record at that place on a dead-letter topic this service reads.
 */
public class DeadLetterNotFoundException extends RuntimeException {

	DeadLetterNotFoundException() {
		super("No such dead letter");
	}

}
