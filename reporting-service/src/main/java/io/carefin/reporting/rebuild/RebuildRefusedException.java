package io.carefin.reporting.rebuild;

/**
 * The rebuild could not rewind the consumer group, usually because another replica is
 * still consuming; nothing was dropped.
 */
public class RebuildRefusedException extends RuntimeException {

	RebuildRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
