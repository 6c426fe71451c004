package io.carefin.portal.staff;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.Redirects;

/**
 * What every console page gets: the signed-in staff member and the page's path for the
 * navigation, an empty set of form errors, and the API's refusals as a page that says
 * what the API said (a 401 sends the staff member to sign in again).
 */
@ControllerAdvice(basePackageClasses = StaffModelAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffModelAdvice {

	private static final Logger logger = LoggerFactory.getLogger(StaffModelAdvice.class);

	@ModelAttribute("staff")
	@Nullable StaffUser staff() {
		return StaffUser.of(SecurityContextHolder.getContext().getAuthentication());
	}

	@ModelAttribute("staffPath")
	String staffPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return FormErrors.none();
	}

	@ExceptionHandler(ApiProblemException.class)
	ModelAndView refused(ApiProblemException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex.status() == HttpStatus.UNAUTHORIZED.value()) {
			logger.info("The API no longer accepts a staff session's token; ending the session");
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			Redirects.to(request, response, StaffSignIn.SIGN_IN_PAGE + "?expired");
			return new ModelAndView();
		}
		if (ex.status() == HttpStatus.NOT_FOUND.value()) {
			return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		}
		if (ex.status() == HttpStatus.FORBIDDEN.value()) {
			return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
		}
		ModelAndView page = new ModelAndView("staff/refused", HttpStatus.UNPROCESSABLE_CONTENT);
		page.addObject("staff", staff());
		page.addObject("staffPath", request.getRequestURI());
		page.addObject("sentence", Refusal.sentence(ex));
		return page;
	}

}
