package io.carefin.portal.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a portal session lives and when it renews its API tokens; the timeouts match
 * auth-service's own ({@code carefin.auth.tokens.idle-timeout} and
 * {@code session-lifetime}).
 *
 * @param idleTimeout how long a session lives without a request
 * @param absoluteTimeout how long a signed-in session lives at most, active or not
 * @param refreshBeforeExpiry renew the access token when less than this remains
 * @param activityRefreshInterval renew the tokens on a signed-in request when the last
 * renewal is at least this old, so that auth-service's idle clock (which counts from the
 * last renewal) stays within this of the portal's (which counts from the last request)
 */
@ConfigurationProperties("carefin.portal.session")
public record SessionProperties(@DefaultValue("15m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteTimeout, @DefaultValue("60s") Duration refreshBeforeExpiry,
		@DefaultValue("30s") Duration activityRefreshInterval) {

	/**
	 * The idle timeout in words, such as "15 minutes".
	 */
	public String idleTimeoutInWords() {
		return words(this.idleTimeout);
	}

	/**
	 * The absolute timeout in words, such as "12 hours".
	 */
	public String absoluteTimeoutInWords() {
		return words(this.absoluteTimeout);
	}

	static String words(Duration duration) {
		if (duration.toMinutes() >= 60 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
			return count(duration.toHours(), "hour");
		}
		if (duration.toSeconds() >= 60 && duration.toSecondsPart() == 0) {
			return count(duration.toMinutes(), "minute");
		}
		return count(duration.toSeconds(), "second");
	}

	private static String count(long amount, String unit) {
		return amount + " " + unit + ((amount == 1) ? "" : "s");
	}

}
