package io.carefin.auth.password;

import java.util.List;

/**
 * A new password that the password policy refuses, with what to change.
 */
public class PasswordRejectedException extends RuntimeException {

	private final List<String> problems;

	PasswordRejectedException(List<String> problems) {
		super("Choose another password.");
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
