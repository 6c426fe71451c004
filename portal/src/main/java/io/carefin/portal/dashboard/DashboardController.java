package io.carefin.portal.dashboard;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.carefin.portal.session.SignedInUser;

/**
 * The dashboard: for now, who is signed in for which practice, and the way to their
 * profile and to help.
 */
@Controller
class DashboardController {

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("user", user);
		return "dashboard/dashboard";
	}

}
