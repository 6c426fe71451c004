package io.carefin.auth.mfa;

/**
 * A phone number that cannot receive text messages.
 */
public class InvalidPhoneNumberException extends RuntimeException {

	InvalidPhoneNumberException() {
		super("Enter a mobile number that can receive text messages, with its country code if outside the US.");
	}

}
