package io.carefin.auth.team;

/**
 * A new activation link was asked for a user who is not waiting for one: they have
 * activated already, or their practice is closed.
 */
public class InvitationNotPendingException extends RuntimeException {

	InvitationNotPendingException(String message) {
		super(message);
	}

}
