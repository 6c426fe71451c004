package io.carefin.auth.support;

/**
 * Support asked to resend an activation link to a user who is not waiting for one.
 */
public class InvitationNotPendingException extends RuntimeException {

	InvitationNotPendingException(String message) {
		super(message);
	}

}
