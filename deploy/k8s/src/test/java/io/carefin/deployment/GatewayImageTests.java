package io.carefin.deployment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static io.carefin.deployment.Manifests.at;
import static io.carefin.deployment.Manifests.list;
import static io.carefin.deployment.Manifests.maps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's image as Jib wrote it (an OCI tar), checked layer by layer and then run:
 * the test unpacks every layer into a folder and starts the image's entrypoint, with its
 * JVM flags, class path and main class, on this machine's JDK 25 (no container engine
 * here), until the liveness probe on the management port answers, then stops it with
 * SIGTERM. .ci/run builds the tar from a scratch base (no registry reachable) and runs
 * this test with {@code -Dcarefin.image=<tar>}; ADR 0015 says what that proves.
 */
@EnabledIfSystemProperty(named = "carefin.image", matches = ".+",
		disabledReason = "builds on request: .ci/run passes -Dcarefin.image=gateway/target/jib-image.tar")
class GatewayImageTests {

	private static final ObjectMapper json = new ObjectMapper();

	@Test
	@SuppressWarnings("unchecked")
	void theImageIsLayeredRunsAsNonRootAndItsEntrypointServesTheProbes(@TempDir Path work) throws Exception {
		Path tar = Manifests.K8S.resolve(System.getProperty("carefin.image")).normalize();
		assertThat(tar).exists();
		Path layout = Files.createDirectories(work.resolve("oci"));
		run(List.of("tar", "-xf", tar.toString(), "-C", layout.toString()), work);

		Map<String, Object> index = json.readValue(layout.resolve("index.json").toFile(), Map.class);
		Map<String, Object> manifest = json
			.readValue(blob(layout, (String) at(index, "manifests", 0, "digest")).toFile(), Map.class);
		Map<String, Object> image = json.readValue(blob(layout, (String) at(manifest, "config", "digest")).toFile(),
				Map.class);
		Map<String, Object> config = (Map<String, Object>) image.get("config");

		assertThat(config).containsEntry("User", "65532:65532").containsEntry("WorkingDir", "/tmp");
		List<String> entrypoint = (List<String>) config.get("Entrypoint");
		assertThat(entrypoint).startsWith("java")
			.contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-cp", "@/app/jib-classpath-file")
			.endsWith("io.carefin.gateway.GatewayApplication");
		assertThat(list(config, "Env")).contains("SERVER_SHUTDOWN=graceful");
		// Spring Boot's layer order: what changes least first, the service's own classes
		// last
		assertThat(maps(image, "history")).extracting((entry) -> entry.get("comment"))
			.containsSubsequence("dependencies", "project dependencies", "resources", "classes");

		Path root = Files.createDirectories(work.resolve("root"));
		for (Map<String, Object> layer : maps(manifest, "layers")) {
			run(List.of("tar", "-xzf", blob(layout, (String) layer.get("digest")).toString(), "-C", root.toString()),
					work);
		}
		String classpath = Arrays.stream(Files.readString(root.resolve("app/jib-classpath-file")).trim().split(":"))
			.map((entry) -> root + entry)
			.collect(Collectors.joining(":"));
		assertThat(root.resolve("app/classes/io/carefin/gateway/GatewayApplication.class")).exists();

		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(entrypoint.subList(1, entrypoint.indexOf("-cp")));
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", classpath, entrypoint.getLast()));
		int port = freePort();
		int management = freePort();
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("gateway.log").toFile());
		for (Object variable : list(config, "Env")) {
			String[] pair = variable.toString().split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
		builder.environment().put("CAREFIN_SECURITY_REVOCATIONS_ENABLED", "false");
		Process gateway = builder.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpResponse<String> liveness = awaitAnswer(http,
					URI.create("http://127.0.0.1:" + management + "/actuator/health/liveness"), gateway, work);
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).contains("\"UP\"");
			HttpResponse<String> readiness = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(readiness.statusCode()).isEqualTo(200);
		}
		finally {
			gateway.destroy();
			assertThat(gateway.waitFor(40, TimeUnit.SECONDS)).as("stops within the pod's grace period").isTrue();
		}
	}

	private static HttpResponse<String> awaitAnswer(HttpClient http, URI uri, Process process, Path work)
			throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("the gateway stopped:\n" + Files.readString(work.resolve("gateway.log")));
			}
			try {
				return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				Thread.sleep(500);
			}
		}
		throw new AssertionError(
				"no answer from " + uri + " within 2 minutes:\n" + Files.readString(work.resolve("gateway.log")));
	}

	private static Path blob(Path layout, String digest) {
		return layout.resolve("blobs").resolve(digest.replace(':', '/'));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
	}

}
