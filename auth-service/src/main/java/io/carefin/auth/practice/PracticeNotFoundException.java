package io.carefin.auth.practice;

/**
 * No practice has the given id.
 */
public class PracticeNotFoundException extends RuntimeException {

	PracticeNotFoundException() {
		super("No practice has this id.");
	}

}
