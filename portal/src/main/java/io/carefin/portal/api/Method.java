package io.carefin.portal.api;

import java.util.Locale;

/**
 * A way a practice user proves the second factor at sign-in.
 */
public enum Method {

	/**
	 * An authenticator app's time-based code.
	 */
	TOTP,

	/**
	 * A code sent by text message.
	 */
	SMS,

	/**
	 * A code sent by e-mail.
	 */
	EMAIL;

	/**
	 * The method as it appears in the API's paths, such as {@code sms}.
	 */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the API sends codes for this method, so that a new one can be asked for.
	 */
	public boolean sendsCodes() {
		return this != TOTP;
	}

}
