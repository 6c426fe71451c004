package io.carefin.portal.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's start page, which leads each role to its part, and the page from which
 * staff sign in through Keycloak.
 */
@Controller
class StaffController {

	@GetMapping("/staff")
	String home() {
		return "staff/home";
	}

	@GetMapping(StaffSignIn.SIGN_IN_PAGE)
	String signIn() {
		return "staff/sign-in";
	}

}
