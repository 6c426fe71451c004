package io.carefin.portal.recovery;

import java.io.Serializable;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The single-use token of a reset or activation link, kept in the session between the
 * link and the new password.
 *
 * @param value the token
 */
record LinkToken(String value) implements Serializable {

	static @Nullable LinkToken in(@Nullable HttpSession session, String attribute) {
		return (session != null && session.getAttribute(attribute) instanceof LinkToken token) ? token : null;
	}

	@Override
	public String toString() {
		return "LinkToken[]";
	}

}
