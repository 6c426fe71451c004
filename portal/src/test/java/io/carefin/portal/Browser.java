package io.carefin.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript, for tests that read like a user: it keeps cookies (the
 * secure ones too, since the test server speaks plain HTTP), follows no redirect by
 * itself, and fills forms by their labels and presses their buttons by name.
 */
public final class Browser {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final Map<String, String> headers = new LinkedHashMap<>();

	private Browser(String base) {
		this.base = base;
	}

	/**
	 * A browser for the portal on the given port.
	 */
	public static Browser on(int port) {
		return new Browser("http://localhost:" + port);
	}

	/**
	 * Sends the given header with every request, as the gateway or a proxy would.
	 */
	public Browser withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public Map<String, String> cookies() {
		return this.cookies;
	}

	/**
	 * The session id the session cookie carries (Base64-encoded in the cookie).
	 */
	public String sessionId() {
		String cookie = this.cookies.get("__Host-carefin");
		assertThat(cookie).as("the session cookie").isNotNull();
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	/**
	 * Uses another browser's cookies, as the same browser reaching another replica.
	 */
	public Browser withCookiesOf(Browser other) {
		this.cookies.clear();
		this.cookies.putAll(other.cookies);
		return this;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), path);
	}

	/**
	 * Follows a redirect the last answer gave.
	 */
	public Page follow(Page page) {
		assertThat(page.status()).as("a redirect").isBetween(300, 399);
		return get(page.location());
	}

	/**
	 * Posts form fields as they are, without filling a page's form.
	 */
	public Page post(String path, Map<String, String> fields) {
		return post(path, fields, java.util.List.of());
	}

	/**
	 * Posts form fields as they are, and ticked boxes, several of which may share a name.
	 */
	public Page post(String path, Map<String, String> fields, java.util.List<Map.Entry<String, String>> ticked) {
		String body = java.util.stream.Stream.concat(fields.entrySet().stream(), ticked.stream())
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), path);
	}

	/**
	 * Starts filling the form on the page that has the given button.
	 */
	public Page.Form form(Page page, String button) {
		return page.form(button, this);
	}

	/**
	 * Signs in with the sign-in page, as a user does.
	 */
	public Page signIn() {
		Page signIn = get("/");
		return form(signIn, "Sign in").fill("User ID", Gateway.USER_ID).fill("Password", "correct horse").press();
	}

	private Page send(HttpRequest.Builder request, String path) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(this::keep);
			return new Page(path, response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void keep(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int equals = pair.indexOf('=');
		String name = pair.substring(0, equals).strip();
		String value = pair.substring(equals + 1).strip();
		if (setCookie.toLowerCase().contains("max-age=0") || value.isEmpty()) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
