package io.carefin.portal.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's error pages, always as HTML pages in the portal's frame: a browser asks
 * for HTML, and so does htmx, whose requests accept anything and would otherwise get
 * Spring Boot's JSON error body swapped into the page.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request) {
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
				&& HttpStatus.resolve(code) != null) ? HttpStatus.valueOf(code) : HttpStatus.NOT_FOUND;
		String view = switch (status) {
			case NOT_FOUND -> "error/404";
			case FORBIDDEN -> "error/403";
			default -> "error";
		};
		return new ModelAndView(view, status);
	}

}
