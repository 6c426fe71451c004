package io.carefin.auth.mfa;

/**
 * The user has no confirmed second factor of the kind named.
 */
public class FactorNotEnrolledException extends RuntimeException {

	FactorNotEnrolledException() {
		super("No second factor of this kind is enrolled.");
	}

}
