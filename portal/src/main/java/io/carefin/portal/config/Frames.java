package io.carefin.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.carefin.portal.help.HelpProperties;
import io.carefin.portal.session.SessionProperties;
import io.carefin.portal.session.SignedInUser;

/**
 * The current request's {@link Frame}, which the layout asks for ({@code @frames}) so
 * that every page, error pages included, gets the same frame without each controller
 * adding it.
 */
@Component("frames")
public class Frames {

	private final HelpProperties help;

	private final SessionProperties sessions;

	Frames(HelpProperties help, SessionProperties sessions) {
		this.help = help;
		this.sessions = sessions;
	}

	/**
	 * The frame for the request being rendered.
	 */
	public Frame current() {
		SignedInUser user = signedInUser();
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		HttpSession session = (request != null) ? request.getSession(false) : null;
		long idleSeconds = (user != null && session != null) ? session.getMaxInactiveInterval() : 0;
		return new Frame(this.help.notice(), this.help.support(), (session != null) ? user : null, idleSeconds,
				this.sessions.idleTimeoutInWords(), (request != null) ? request.getRequestURI() : "/");
	}

	private static @Nullable SignedInUser signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) ? user : null;
	}

}
