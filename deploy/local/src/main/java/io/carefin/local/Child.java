package io.carefin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A part of the platform running as a child process, its output in a log file and its
 * process id in a file, so that {@code stop} finds it even if the launcher died.
 */
final class Child {

	private final String name;

	private final Process process;

	private final Path pidFile;

	private Child(String name, Process process, Path pidFile) {
		this.name = name;
		this.process = process;
		this.pidFile = pidFile;
	}

	static Child start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Layout layout) {
		try {
			Path log = layout.logs().resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			Path pidFile = layout.pids().resolve(name + ".pid");
			Files.writeString(pidFile, Long.toString(process.pid()));
			return new Child(name, process, pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	boolean alive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Asks the process and its descendants to stop, and kills what is still running after
	 * the grace period.
	 */
	void stop(Duration grace) {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			// the next stop finds the process gone
		}
	}

}
