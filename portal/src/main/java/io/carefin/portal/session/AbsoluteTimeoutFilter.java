package io.carefin.portal.session;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends sessions older than the absolute timeout, however active: a signed-in session is
 * created at sign-in, so its age is the time since sign-in. A signed-in browser is sent
 * to sign in again with a sentence saying why; an anonymous one just gets a new session.
 */
public class AbsoluteTimeoutFilter extends OncePerRequestFilter {

	/**
	 * Where a browser whose signed-in session ended goes.
	 */
	public static final String ENDED = "/?ended";

	private final SessionProperties properties;

	private final SignOut signOut;

	private final Clock clock;

	public AbsoluteTimeoutFilter(SessionProperties properties, SignOut signOut, Clock clock) {
		this.properties = properties;
		this.signOut = signOut;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && tooOld(session)) {
			boolean signedIn = ApiSession.isSignedIn(session);
			if (signedIn) {
				this.signOut.endApiSession(session);
			}
			session.invalidate();
			if (signedIn) {
				Redirects.to(request, response, ENDED);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private boolean tooOld(HttpSession session) {
		return this.clock.millis() - session.getCreationTime() >= this.properties.absoluteTimeout().toMillis();
	}

}
