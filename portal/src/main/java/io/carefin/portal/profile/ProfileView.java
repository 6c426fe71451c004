package io.carefin.portal.profile;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.carefin.portal.api.Me;
import io.carefin.portal.api.Method;

/**
 * The profile page.
 *
 * @param userId what the user signs in with
 * @param email where their notices go
 * @param practiceName their practice
 * @param roles their roles, in words
 * @param permissions what they may do, in words
 * @param factors their second factors
 * @param secondFactorRequired whether their practice requires a second factor
 */
record ProfileView(String userId, String email, String practiceName, List<String> roles, List<String> permissions,
		List<FactorView> factors, boolean secondFactorRequired) {

	private static final Map<String, String> ROLES = Map.of("PRACTICE_ADMIN", "Practice administrator", "PRACTICE_USER",
			"Practice user");

	// in the order the provider centre lists them
	private static final Map<String, String> PERMISSIONS = orderedMap("PROCESS_PURCHASES", "Process purchases",
			"PROCESS_REFUNDS", "Process refunds", "PROCESS_APPLICATIONS", "Submit credit applications", "VIEW_REPORTS",
			"View reports", "MANAGE_USERS", "Manage the practice's users", "MANAGE_PROMOTIONS",
			"Manage the practice's promotions");

	static ProfileView of(Me me) {
		return new ProfileView(me.userId(), me.email(), me.practice().name(),
				me.roles().stream().map((role) -> ROLES.getOrDefault(role, words(role))).toList(),
				me.permissions()
					.stream()
					.sorted(Comparator.comparingInt(ProfileView::rank))
					.map((permission) -> PERMISSIONS.getOrDefault(permission, words(permission)))
					.toList(),
				me.factors().stream().map(FactorView::of).toList(), Boolean.TRUE.equals(me.secondFactorRequired()));
	}

	public boolean has(String method) {
		return this.factors.stream().anyMatch((factor) -> factor.method().equals(method));
	}

	private static int rank(String permission) {
		int rank = List.copyOf(PERMISSIONS.keySet()).indexOf(permission);
		return (rank >= 0) ? rank : PERMISSIONS.size();
	}

	private static Map<String, String> orderedMap(String... entries) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put(entries[i], entries[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

	private static String words(String name) {
		String words = Arrays.stream(name.split("_"))
			.map((word) -> word.toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(" "));
		return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * A second factor, as the profile lists it.
	 *
	 * @param method its name in the portal's paths, such as {@code sms}
	 * @param name what it is
	 * @param detail where its codes go
	 */
	record FactorView(String method, String name, String detail) {

		static FactorView of(Me.Factor factor) {
			String destination = factor.destination();
			return switch (factor.method()) {
				case TOTP ->
					new FactorView(Method.TOTP.path(), "Authenticator app", "A code from the app on your phone.");
				case SMS -> new FactorView(Method.SMS.path(), "Text message",
						"A code by text message to " + ((destination != null) ? destination : "your phone") + ".");
				case EMAIL -> new FactorView(Method.EMAIL.path(), "E-mail",
						"A code by e-mail to " + ((destination != null) ? destination : "your e-mail address") + ".");
			};
		}

	}

}
