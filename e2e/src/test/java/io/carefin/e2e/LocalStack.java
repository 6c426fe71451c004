package io.carefin.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once per test run exactly as a user starts it
 * ({@code deploy/local/run.sh --fresh}), with its data under {@code target/}, and stopped
 * when the run ends. Records how long it took to be ready and its resident memory in
 * {@code target/stack.properties}.
 */
final class LocalStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

	private static final Pattern READY = Pattern.compile("CAREFIN-READY seconds=(\\d+) rss-bytes=(\\d+)");

	private static final Duration STARTUP = Duration.ofMinutes(8);

	private static volatile boolean started;

	private static long readySeconds;

	private static long residentBytes;

	private Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		synchronized (LocalStack.class) {
			if (started) {
				return;
			}
			start();
			context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(LocalStack.class.getName(), this);
			started = true;
		}
	}

	private void start() throws Exception {
		Path root = Path.of("..").toAbsolutePath().normalize();
		Path home = home();
		ProcessBuilder builder = new ProcessBuilder(root.resolve("deploy/local/run.sh").toString(), "--fresh")
			.directory(root.toFile())
			.redirectErrorStream(true);
		builder.environment().put("CAREFIN_LOCAL_HOME", home.toString());
		// the suite plays clients at several addresses through a proxy it trusts
		builder.environment().put("CAREFIN_GATEWAY_RATELIMITS_TRUSTEDPROXIES", "127.0.0.1,::1");
		this.process = builder.start();
		Path log = Files.createDirectories(Path.of("target")).resolve("local-stack.log");
		CompletableFuture<Matcher> ready = new CompletableFuture<>();
		Thread.ofPlatform().daemon().start(() -> copyOutput(log, ready));
		Matcher figures = ready.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
		readySeconds = Long.parseLong(figures.group(1));
		residentBytes = Long.parseLong(figures.group(2));
		Files.writeString(Path.of("target/stack.properties"), "ready-seconds=%d%nresident-mib=%d%nmeasured-at=%s%n"
			.formatted(readySeconds, residentBytes / (1024 * 1024), Instant.now()));
	}

	private void copyOutput(Path log, CompletableFuture<Matcher> ready) {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
						java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
				Matcher matcher = READY.matcher(line);
				if (matcher.find()) {
					ready.complete(matcher);
				}
			}
			ready.completeExceptionally(
					new IllegalStateException("The platform stopped before it was ready; see " + log.toAbsolutePath()));
		}
		catch (IOException ex) {
			ready.completeExceptionally(new UncheckedIOException(ex));
		}
	}

	/** Where the platform keeps its data and its parts' logs ({@code logs/}). */
	static Path home() {
		return Path.of("target/local-home").toAbsolutePath();
	}

	static long readySeconds() {
		return readySeconds;
	}

	static long residentBytes() {
		return residentBytes;
	}

	@Override
	public void close() throws Exception {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
				this.process.destroyForcibly();
			}
		}
	}

}
