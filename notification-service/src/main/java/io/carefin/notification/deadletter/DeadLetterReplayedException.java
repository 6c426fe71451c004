package io.carefin.notification.deadletter;

/**
 * The parked record was already sent back to its topic.
 */
public class DeadLetterReplayedException extends RuntimeException {

	DeadLetterReplayedException() {
		super("This dead letter was already replayed");
	}

}
