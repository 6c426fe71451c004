package io.carefin.portal.help;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The help page.
 */
@Controller
class HelpController {

	private final HelpProperties help;

	HelpController(HelpProperties help) {
		this.help = help;
	}

	@GetMapping("/help")
	String help(Model model) {
		HelpProperties.SignInRules rules = this.help.signInRules();
		model.addAttribute("rules", new Rules(rules.failedAttempts(), rules.lockDuration().toMinutes(),
				ordinal(rules.locksBeforeSupport()), rules.inactivityBeforeSuspension().toDays()));
		model.addAttribute("notice", this.help.notice());
		return "help/help";
	}

	private static String ordinal(int number) {
		return switch (number) {
			case 1 -> "first";
			case 2 -> "second";
			case 3 -> "third";
			case 4 -> "fourth";
			case 5 -> "fifth";
			default -> number + "th";
		};
	}

	/**
	 * The sign-in rules, as the help page words them.
	 *
	 * @param failedAttempts failed passwords that lock a user
	 * @param lockMinutes how long a lock lasts
	 * @param supportLock which lock within a day only support can undo, such as "third"
	 * @param suspensionDays days without signing in that suspend a user
	 */
	record Rules(int failedAttempts, long lockMinutes, String supportLock, long suspensionDays) {

	}

}
