package io.carefin.e2e;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What the suite typed or was given that must never be found at rest in clear: the
 * passwords and SSNs it sent, the tokens it received, the tokens in the links it was
 * mailed. {@link Api} and {@link Mailbox} remember them as they pass, and
 * {@link SecretsAtRestEndToEndTests} looks for each in every database and log once the
 * other journeys are done. Each secret is known by its kind, so that a finding names the
 * kind and never shows the secret.
 */
final class Secrets {

	/** Request and answer fields whose values are secrets, and the kind each is. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("password", "password"),
			Map.entry("newPassword", "password"), Map.entry("currentPassword", "password"), Map.entry("ssn", "SSN"),
			Map.entry("accessToken", "access token"), Map.entry("refreshToken", "refresh token"),
			Map.entry("access_token", "access token"), Map.entry("refresh_token", "refresh token"),
			Map.entry("token", "link token"));

	private static final Pattern LINK_TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_.~-]{16,})");

	/** Shorter values would match by chance (a code, a year). */
	private static final int SHORTEST = 8;

	private static final Map<String, String> kinds = new ConcurrentHashMap<>();

	private Secrets() {
	}

	/**
	 * Remembers the secret fields of a request body (a map) or of a JSON answer.
	 */
	static void rememberFieldsOf(Object body) {
		if (body instanceof Map<?, ?> map) {
			map.forEach((name, value) -> remember(FIELDS.get(String.valueOf(name)), value));
		}
		else if (body instanceof JsonNode node && node.isObject()) {
			node.properties().forEach((field) -> remember(FIELDS.get(field.getKey()), field.getValue().asString("")));
		}
	}

	/**
	 * Remembers the tokens of the links in a message.
	 */
	static void rememberLinksIn(String message) {
		Matcher token = LINK_TOKEN.matcher(message);
		while (token.find()) {
			remember("link token", token.group(1));
		}
	}

	static void remember(String kind, Object value) {
		if (kind != null && value instanceof String text && text.length() >= SHORTEST) {
			kinds.putIfAbsent(text, kind);
		}
	}

	/**
	 * Every secret remembered, with its kind.
	 */
	static Map<String, String> all() {
		return Map.copyOf(kinds);
	}

	/**
	 * The kinds of secret remembered so far.
	 */
	static Set<String> kinds() {
		return Set.copyOf(kinds.values());
	}

}
