package io.carefin.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import io.carefin.portal.api.MyAccountApi;
import io.carefin.portal.api.Tokens;
import io.carefin.portal.session.ApiSession;
import io.carefin.portal.session.SignOut;
import io.carefin.portal.session.SignedInUser;

/**
 * Completes a sign-in once the API has handed over the tokens: a new session holds them,
 * the user's profile comes from the API, and Spring Security's context in the session
 * says who is signed in.
 */
@Component
class SignIns {

	private final ApiSession apiSession;

	private final MyAccountApi account;

	private final SignOut signOut;

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SignIns(ApiSession apiSession, MyAccountApi account, SignOut signOut, SecurityContextRepository contexts) {
		this.apiSession = apiSession;
		this.account = account;
		this.signOut = signOut;
		this.contexts = contexts;
	}

	void complete(HttpServletRequest request, HttpServletResponse response, Tokens tokens) {
		// a sign-in from a browser that is still signed in replaces that session: end its
		// API
		// session too, rather than leave it to time out
		this.signOut.endApiSession(request.getSession(false));
		this.apiSession.start(request, tokens);
		SignedInUser user;
		try {
			user = SignedInUser.of(this.account.me());
		}
		catch (RuntimeException ex) {
			HttpSession session = request.getSession(false);
			this.signOut.endApiSession(session);
			if (session != null) {
				session.invalidate();
			}
			throw ex;
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
