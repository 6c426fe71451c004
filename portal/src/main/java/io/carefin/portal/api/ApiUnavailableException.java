package io.carefin.portal.api;

/**
 * The API could not answer: the gateway or a service is down, slow or failing (a 5xx
 * answer or no answer at all).
 */
public class ApiUnavailableException extends RuntimeException {

	public ApiUnavailableException(String message) {
		super(message);
	}

	public ApiUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
