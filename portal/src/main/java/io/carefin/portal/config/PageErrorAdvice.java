package io.carefin.portal.config;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.ApiUnavailableException;
import io.carefin.portal.api.TooManyRequestsException;
import io.carefin.portal.session.Redirects;
import io.carefin.portal.session.SessionEndedException;
import io.carefin.portal.workspace.MissingPermissionException;
import io.carefin.portal.workspace.NotFoundException;

/**
 * What a page shows when the API refuses or fails in a way the page itself does not
 * handle: a polite wait for a 429, an apology when the API cannot be reached, and a new
 * sign-in when the API session has ended; a 403 page that names the missing permission;
 * and the same "not found" page for what does not exist and what belongs to another
 * practice.
 */
@ControllerAdvice
class PageErrorAdvice {

	/**
	 * Where a browser whose API session ended goes.
	 */
	static final String EXPIRED = "/?expired";

	private static final Logger logger = LoggerFactory.getLogger(PageErrorAdvice.class);

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooManyRequests(TooManyRequestsException ex, HttpServletResponse response) {
		long seconds = Math.max(ex.retryAfter().toSeconds(), 1);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ModelAndView page = new ModelAndView("error/too-many-requests", HttpStatus.TOO_MANY_REQUESTS);
		page.addObject("seconds", seconds);
		return page;
	}

	@ExceptionHandler({ ApiUnavailableException.class, ResourceAccessException.class })
	ModelAndView unavailable(RuntimeException ex) {
		logger.warn("The API could not be reached: {}", safeMessage(ex));
		return new ModelAndView("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
	}

	@ExceptionHandler(SessionEndedException.class)
	void sessionEnded(SessionEndedException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		logger.info("Ending a portal session: {}", ex.getMessage());
		endSession(request, response);
	}

	@ExceptionHandler(MissingPermissionException.class)
	ModelAndView missingPermission(MissingPermissionException ex) {
		ModelAndView page = new ModelAndView("error/403", HttpStatus.FORBIDDEN);
		page.addObject("missingPermission", ex.permission().words());
		return page;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(ApiProblemException.class)
	ModelAndView refused(ApiProblemException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex.status() == HttpStatus.UNAUTHORIZED.value()) {
			logger.info("The API no longer accepts a session's token; ending the portal session");
			endSession(request, response);
			return new ModelAndView();
		}
		if (ex.status() == HttpStatus.NOT_FOUND.value()) {
			return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		}
		logger.warn("A page did not handle the API's answer {} ({})", ex.status(), ex.type());
		HttpStatus status = (ex.status() == HttpStatus.FORBIDDEN.value()) ? HttpStatus.FORBIDDEN
				: HttpStatus.INTERNAL_SERVER_ERROR;
		return new ModelAndView((status == HttpStatus.FORBIDDEN) ? "error/403" : "error", status);
	}

	/**
	 * What went wrong, without the request's address: a {@link ResourceAccessException}
	 * names the whole URI, whose query may hold a lookup's last name and date of birth.
	 */
	static String safeMessage(RuntimeException ex) {
		if (ex instanceof ResourceAccessException) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return "I/O error (" + cause.getClass().getSimpleName() + ")";
		}
		return String.valueOf(ex.getMessage());
	}

	private static void endSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		Redirects.to(request, response, EXPIRED);
	}

}
