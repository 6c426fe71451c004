package io.carefin.portal.session;

/**
 * The signed-in session can no longer call the API: its tokens are gone, or auth-service
 * refused to renew them (signed out elsewhere, idle too long, suspended). The portal ends
 * its own session too and sends the browser to sign in.
 */
public class SessionEndedException extends RuntimeException {

	SessionEndedException(String message) {
		super(message);
	}

	SessionEndedException(String message, Throwable cause) {
		super(message, cause);
	}

}
