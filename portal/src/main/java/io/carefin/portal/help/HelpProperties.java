package io.carefin.portal.help;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the portal tells practices about getting help.
 *
 * @param support how to reach provider support
 * @param maintenanceNotice a notice shown on every page, such as a maintenance window;
 * blank for none
 * @param signInRules the sign-in rules the help page explains, as auth-service applies
 * them
 */
@ConfigurationProperties("carefin.portal")
public record HelpProperties(@DefaultValue Support support, @Nullable String maintenanceNotice,
		@DefaultValue SignInRules signInRules) {

	/**
	 * The maintenance notice, or none when it is blank.
	 */
	public @Nullable String notice() {
		return (this.maintenanceNotice != null && !this.maintenanceNotice.isBlank()) ? this.maintenanceNotice.strip()
				: null;
	}

	/**
	 * Provider support's contacts.
	 *
	 * @param phone the phone number
	 * @param email the e-mail address
	 * @param hours when the phone is answered
	 */
	public record Support(@DefaultValue("1-800-555-0199") String phone,
			@DefaultValue("providers@carefin.example") String email,
			@DefaultValue("Monday to Friday, 8 a.m. to 8 p.m. Eastern") String hours) {

	}

	/**
	 * auth-service's lockout and suspension rules (its {@code carefin.auth.lockout.*} and
	 * inactivity settings), for the help page's explanations.
	 *
	 * @param failedAttempts failed passwords that lock a user
	 * @param lockDuration how long a lock lasts
	 * @param locksBeforeSupport the lock within a day after which only support unlocks
	 * @param inactivityBeforeSuspension how long without signing in suspends a user
	 */
	public record SignInRules(@DefaultValue("5") int failedAttempts, @DefaultValue("30m") Duration lockDuration,
			@DefaultValue("3") int locksBeforeSupport, @DefaultValue("90d") Duration inactivityBeforeSuspension) {

	}

}
