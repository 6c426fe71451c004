package io.carefin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Where the local mode finds the built platform and keeps its data, logs and process ids.
 *
 * @param root the repository's root
 * @param home where data, logs and process ids live ({@code deploy/local/.data} unless
 * {@code CAREFIN_LOCAL_HOME} says otherwise)
 */
record Layout(Path root, Path home) {

	static Layout of(Path root, @Nullable String home) {
		Path absoluteRoot = root.toAbsolutePath().normalize();
		Path resolved = (home != null && !home.isBlank()) ? Path.of(home).toAbsolutePath()
				: absoluteRoot.resolve("deploy/local/.data");
		return new Layout(absoluteRoot, resolved.normalize());
	}

	Path logs() {
		return directory("logs");
	}

	Path pids() {
		return directory("pids");
	}

	Path data(String part) {
		return directory(part);
	}

	Path launcherPid() {
		return this.home.resolve("launcher.pid");
	}

	Path serviceJar(String module) {
		return this.root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
	}

	Path tools() {
		return this.root.resolve("deploy/local/target/tools");
	}

	Path launcherClasspath() {
		return this.root.resolve("deploy/local/target/lib");
	}

	/**
	 * The Kafka broker's logging configuration: the broker runs from the launcher's
	 * libraries, which hold Logback but not the launcher's own configuration, and Logback
	 * alone logs everything at DEBUG.
	 */
	Path kafkaLogging() {
		return this.root.resolve("deploy/local/target/classes/kafka-logback.xml");
	}

	Path keycloakHome(String version) {
		return this.root.resolve("deploy/local/target/keycloak/keycloak-" + version);
	}

	private Path directory(String name) {
		try {
			return Files.createDirectories(this.home.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
