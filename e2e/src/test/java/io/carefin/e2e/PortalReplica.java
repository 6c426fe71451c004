package io.carefin.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second portal process beside the local platform's, on the same session database and
 * the same gateway, as a second replica behind a load balancer would be; with an idle
 * timeout of its own, so that a test can watch a session time out without waiting 15
 * minutes (the timeout is kept with each session, so only sessions this replica starts
 * have it).
 */
final class PortalReplica implements AutoCloseable {

	private final Process process;

	private final int port;

	private PortalReplica(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static PortalReplica start(int port, Duration idleTimeout) throws IOException {
		Path jar = Path.of("../portal/target/portal-0.1.0-SNAPSHOT.jar").toAbsolutePath().normalize();
		assertThat(jar).as("the portal's jar, built before the suite").exists();
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = LocalStack.home().resolve("logs/portal-replica.log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/portal");
		builder.environment().put("SPRING_DATASOURCE_USERNAME", "portal");
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", "portal");
		builder.environment().put("SERVER_SERVLET_SESSION_COOKIE_SECURE", "false");
		builder.environment().put("SERVER_SERVLET_SESSION_COOKIE_NAME", "carefin-session");
		builder.environment().put("CAREFIN_PORTAL_GATEWAY_URI", "http://127.0.0.1:8080");
		builder.environment().put("CAREFIN_PORTAL_SESSION_IDLETIMEOUT", idleTimeout.toSeconds() + "s");
		PortalReplica replica = new PortalReplica(builder.start(), port);
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(replica.process.isAlive()).as("the replica stopped; see " + log).isTrue();
			try {
				return http
					.send(HttpRequest.newBuilder(URI.create(replica.url() + "/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return replica;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
