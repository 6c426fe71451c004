package io.carefin.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, after NIST SP 800-63B: long enough, not too long, any
 * Unicode, no composition rules, and not a common or breached password, the user's own
 * user ID or their practice's name.
 */
@Component
public class PasswordPolicy {

	private final PasswordProperties properties;

	private final Set<String> commonPasswords;

	PasswordPolicy(PasswordProperties properties) {
		this.properties = properties;
		this.commonPasswords = load("password/common-passwords.txt");
	}

	/**
	 * Why the candidate cannot be a password for this user, in sentences the user can act
	 * on; empty when it can.
	 */
	public List<String> problems(String candidate, String userId, String practiceName) {
		String password = Passwords.normalize(candidate);
		int length = password.codePointCount(0, password.length());
		List<String> problems = new ArrayList<>();
		if (length < this.properties.minLength()) {
			problems.add("Use at least " + this.properties.minLength() + " characters.");
		}
		if (length > this.properties.maxLength()) {
			problems.add("Use at most " + this.properties.maxLength() + " characters.");
		}
		String lowerCase = password.toLowerCase(Locale.ROOT);
		if (this.commonPasswords.contains(lowerCase)) {
			problems.add("This password is too common; choose one that others are unlikely to use.");
		}
		if (lowerCase.equals(userId.toLowerCase(Locale.ROOT))
				|| lowerCase.equals(practiceName.toLowerCase(Locale.ROOT))) {
			problems.add("Do not use your user ID or your practice's name as your password.");
		}
		return problems;
	}

	/**
	 * Refuses a candidate password that breaks the policy.
	 * @throws PasswordRejectedException with the problems, in sentences the user can act
	 * on
	 */
	public void requireAcceptable(String candidate, String userId, String practiceName) {
		List<String> problems = problems(candidate, userId, practiceName);
		if (!problems.isEmpty()) {
			throw new PasswordRejectedException(problems);
		}
	}

	private static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the common passwords list " + resource, ex);
		}
		return Set.copyOf(passwords);
	}

}
