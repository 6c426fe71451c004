package io.carefin.auth.lockout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When repeated failures lock a user out, and for how long.
 *
 * @param maxFailures failures within the window that lock the user
 * @param failureWindow how far back failures count
 * @param lockDuration how long a lock lasts by itself
 * @param locksBeforeStepUp the lock, counted within the lock window, after which a
 * correct password also needs a second factor or a recovery link
 * @param lockWindow how far back locks count toward the step-up
 * @param maxConsecutiveFailures failed attempts in a row, whatever the window, after
 * which no password is checked until a recovery link resets it (NIST SP 800-63B-4: at
 * most 100); only a sign-in that ends in tokens resets the count
 */
@ConfigurationProperties("carefin.auth.lockout")
record LockoutProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration failureWindow,
		@DefaultValue("30m") Duration lockDuration, @DefaultValue("3") int locksBeforeStepUp,
		@DefaultValue("24h") Duration lockWindow, @DefaultValue("100") int maxConsecutiveFailures) {

	LockoutProperties {
		if (maxConsecutiveFailures < 1 || maxConsecutiveFailures > 100) {
			throw new IllegalArgumentException("carefin.auth.lockout.max-consecutive-failures must be 1 to 100");
		}
	}

}
