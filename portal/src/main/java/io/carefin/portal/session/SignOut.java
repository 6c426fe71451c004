package io.carefin.portal.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import io.carefin.portal.api.MyAccountApi;

/**
 * Ends the API session (auth-service revokes the refresh-token family) before the portal
 * ends its own; if auth-service cannot be reached, its session still ends at its own idle
 * timeout, and the portal's ends now regardless.
 */
@Component
public class SignOut implements LogoutHandler {

	private static final Logger logger = LoggerFactory.getLogger(SignOut.class);

	private final MyAccountApi account;

	SignOut(MyAccountApi account) {
		this.account = account;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		endApiSession(request.getSession(false));
	}

	/**
	 * Asks auth-service to end the session's API session, if it has one.
	 */
	public void endApiSession(@Nullable HttpSession session) {
		if (!ApiSession.isSignedIn(session)) {
			return;
		}
		try {
			this.account.logout();
		}
		catch (RuntimeException ex) {
			logger.info("auth-service did not end an API session; it ends at its own idle timeout: {}",
					ex.getMessage());
		}
	}

}
