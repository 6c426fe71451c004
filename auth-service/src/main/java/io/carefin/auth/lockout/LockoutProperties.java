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
 * @param locksBeforePermanent the lock, counted within the lock window, that only support
 * can lift
 * @param lockWindow how far back locks count toward a permanent lock
 */
@ConfigurationProperties("carefin.auth.lockout")
record LockoutProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration failureWindow,
		@DefaultValue("30m") Duration lockDuration, @DefaultValue("3") int locksBeforePermanent,
		@DefaultValue("24h") Duration lockWindow) {

}
