package io.carefin.portal.api;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's 429: this browser has used up a budget (sign-in, codes, recovery) for
 * now.
 */
public class TooManyRequestsException extends ApiProblemException {

	private final Duration retryAfter;

	public TooManyRequestsException(String type, Duration retryAfter) {
		super(429, type, null, List.of());
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the browser should wait, from the {@code Retry-After} header.
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
