package io.carefin.portal.config;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page starts with no form errors, so that a template's error summary and field
 * messages always have something to read; a handler that finds errors puts its own in
 * their place, and errors carried over a redirect are kept.
 */
@ControllerAdvice
class FormErrorsAdvice {

	@ModelAttribute("errors")
	FormErrors errors() {
		return FormErrors.none();
	}

}
