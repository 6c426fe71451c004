package io.carefin.auth.mfa;

/**
 * A way to prove the second factor.
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
	 * A code sent by e-mail; weaker than NIST SP 800-63B-4 allows, kept because practices
	 * use it.
	 */
	EMAIL;

	boolean sendsCodes() {
		return this != TOTP;
	}

}
