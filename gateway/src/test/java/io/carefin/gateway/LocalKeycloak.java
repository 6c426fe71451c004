package io.carefin.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak, from the distribution Maven unpacks into {@code target/keycloak}, run
 * in development mode on free loopback ports with the committed {@code carefin-staff}
 * realm imported afresh; one per test JVM.
 */
final class LocalKeycloak {

	static final String REALM = "carefin-staff";

	private static final String ADMIN_PASSWORD = "admin-for-tests-only";

	private static LocalKeycloak started;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private LocalKeycloak(int port) {
		this.port = port;
	}

	static synchronized LocalKeycloak start() {
		if (started == null) {
			started = launch(Path.of(required("carefin.keycloak.home")), Path.of(required("carefin.keycloak.realm")));
		}
		return started;
	}

	String issuerUri(String realm) {
		return "http://127.0.0.1:" + this.port + "/realms/" + realm;
	}

	String jwkSetUri(String realm) {
		return issuerUri(realm) + "/protocol/openid-connect/certs";
	}

	/**
	 * Signs a user in with the resource-owner password grant and returns the access
	 * token.
	 */
	String accessToken(String realm, String clientId, @Nullable String clientSecret, String username, String password) {
		HttpResponse<String> response = signIn(realm, clientId, clientSecret, username, password);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused to sign in " + username + ": " + response.body());
		}
		return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
	}

	/**
	 * Tries the resource-owner password grant and returns Keycloak's answer, whatever it
	 * is.
	 */
	HttpResponse<String> signIn(String realm, String clientId, @Nullable String clientSecret, String username,
			String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "password");
		form.put("client_id", clientId);
		if (clientSecret != null) {
			form.put("client_secret", clientSecret);
		}
		form.put("username", username);
		form.put("password", password);
		form.put("scope", "openid");
		String body = form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri(realm) + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String adminToken() {
		return accessToken("master", "admin-cli", null, "admin", ADMIN_PASSWORD);
	}

	private static LocalKeycloak launch(Path home, Path realm) {
		try {
			deleteRecursively(home.resolve("data"));
			Path imports = Files.createDirectories(home.resolve("data/import"));
			Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			int port = freePort();
			int managementPort = freePort();
			ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
					"--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
					"--http-management-port=" + managementPort, "--hostname=http://127.0.0.1:" + port,
					"--health-enabled=true");
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
			builder.redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
			Process process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
			LocalKeycloak keycloak = new LocalKeycloak(port);
			URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
			await("Keycloak ready (log: " + home.resolve("keycloak.log") + ")").atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
								+ home.resolve("keycloak.log"));
					}
					return keycloak.http
						.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				});
			return keycloak;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Keycloak from " + home, ex);
		}
	}

	private static void stop(Process process) {
		process.toHandle().descendants().forEach(ProcessHandle::destroy);
		process.destroy();
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException(
					property + " is not set; run the tests through ./mvnw, which unpacks Keycloak");
		}
		return value;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
