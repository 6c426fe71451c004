package io.carefin.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} before its arguments are bound and validated,
 * so that a caller who may not use a route gets 403 whatever they send, never a 400 that
 * tells them how a valid request looks. The method-security proxy checks it again when
 * the handler runs. The services' expressions name roles and permissions only, never the
 * method's arguments, which are not known yet here.
 */
class AuthorizeBeforeBinding implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			AuthorizationResult result = this.preAuthorize.authorize(
					() -> SecurityContextHolder.getContext().getAuthentication(),
					new SimpleMethodInvocation(method.getBean(), method.getMethod()));
			if (result != null && !result.isGranted()) {
				throw new AccessDeniedException("Access Denied");
			}
		}
		return true;
	}

}
