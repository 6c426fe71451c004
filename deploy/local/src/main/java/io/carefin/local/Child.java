package io.carefin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A part of the platform running as a child process, its output in a log file and its
 * process id in a file, so that {@code stop} finds it even if the launcher died. It keeps
 * its command and environment, so that the {@link Supervisor} can start it again the same
 * way when it dies; once asked to stop, it never starts again.
 */
final class Child {

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path workingDirectory;

	private final Path log;

	private final Path pidFile;

	private volatile Process process;

	private volatile Instant startedAt;

	private volatile boolean stopRequested;

	private Child(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Layout layout) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.workingDirectory = workingDirectory;
		this.log = layout.logs().resolve(name + ".log");
		this.pidFile = layout.pids().resolve(name + ".pid");
		this.process = launch();
		this.startedAt = Instant.now();
	}

	static Child start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Layout layout) {
		return new Child(name, command, environment, workingDirectory, layout);
	}

	private Process launch() {
		try {
			ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			Process started = builder.start();
			Files.writeString(this.pidFile, Long.toString(started.pid()));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
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

	long pid() {
		return this.process.pid();
	}

	/** How long the current process has been running, or ran until it exited. */
	Duration upFor(Instant now) {
		return Duration.between(this.startedAt, now);
	}

	/** Whether {@link #stop} was called: its process ending is then no failure. */
	boolean stopRequested() {
		return this.stopRequested;
	}

	/**
	 * Starts the same command again, with the same environment, its output appended to
	 * the same log and its new process id written to the same file, unless the child was
	 * asked to stop meanwhile or is still running.
	 * @return whether it was started again
	 */
	synchronized boolean restart() {
		if (this.stopRequested || this.process.isAlive()) {
			return false;
		}
		this.process = launch();
		this.startedAt = Instant.now();
		return true;
	}

	/**
	 * Asks the process and its descendants to stop, and kills what is still running after
	 * the grace period. Once called, {@link #restart()} does nothing.
	 */
	void stop(Duration grace) {
		Process stopping;
		synchronized (this) {
			this.stopRequested = true;
			stopping = this.process;
		}
		List<ProcessHandle> descendants = stopping.descendants().toList();
		stopping.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!stopping.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				stopping.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopping.destroyForcibly();
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
