package io.carefin.portal.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.carefin.portal.api.MyAccountApi;

/**
 * Every signed-in page request (not stylesheets or scripts) is activity for auth-service
 * too: the API tokens are renewed when due, and a page view asks the API who the user is,
 * so that a session ended elsewhere (signed out, password reset, suspended) ends here at
 * once, and a changed role, permission or practice name shows on the next page.
 */
@Component
public class ApiSessionActivity implements HandlerInterceptor {

	private final ApiSession apiSession;

	private final MyAccountApi account;

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	ApiSessionActivity(ApiSession apiSession, MyAccountApi account, SecurityContextRepository contexts) {
		this.apiSession = apiSession;
		this.account = account;
		this.contexts = contexts;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		HttpSession session = request.getSession(false);
		if (!(handler instanceof HandlerMethod) || session == null || !ApiSession.isSignedIn(session)) {
			return true;
		}
		this.apiSession.keepAlive(session);
		if (HttpMethod.GET.matches(request.getMethod())) {
			refreshPrincipal(SignedInUser.of(this.account.me()), request, response);
		}
		return true;
	}

	private void refreshPrincipal(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.holder.getContext().getAuthentication();
		if (current != null && user.equals(current.getPrincipal())) {
			return;
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
