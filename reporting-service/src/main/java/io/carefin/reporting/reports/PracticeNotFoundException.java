package io.carefin.reporting.reports;

/**
 * A practice user asked for another practice's figures; answered as if that practice did
 * not exist.
 */
public class PracticeNotFoundException extends RuntimeException {

	public PracticeNotFoundException() {
		super("No such practice.");
	}

}
