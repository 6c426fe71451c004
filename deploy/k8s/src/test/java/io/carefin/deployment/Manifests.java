package io.carefin.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes objects an overlay renders to, as {@code kubectl kustomize} prints them,
 * and small helpers to read them.
 */
final class Manifests {

	/** This module's folder, {@code deploy/k8s}. */
	static final Path K8S = Path.of("").toAbsolutePath();

	/** The repository's root. */
	static final Path REPOSITORY = K8S.resolve("../..").normalize();

	static final List<String> OVERLAYS = List.of("local", "staging", "production");

	private static final Map<String, List<Map<String, Object>>> rendered = new ConcurrentHashMap<>();

	private Manifests() {
	}

	/**
	 * The objects of an overlay, rendered once per test run.
	 */
	static List<Map<String, Object>> render(String overlay) {
		return rendered.computeIfAbsent(overlay, Manifests::kustomize);
	}

	static List<Map<String, Object>> ofKind(String overlay, String kind) {
		return render(overlay).stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	static Map<String, Object> named(String overlay, String kind, String name) {
		return ofKind(overlay, kind).stream()
			.filter((object) -> name.equals(name(object)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " named " + name));
	}

	static String name(Map<String, Object> object) {
		return (String) at(object, "metadata", "name");
	}

	/**
	 * The value at a path of map keys and list indexes, or {@code null} where the path
	 * ends early.
	 */
	static Object at(Object node, Object... path) {
		Object current = node;
		for (Object step : path) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(step);
			}
			else if (current instanceof List<?> list && step instanceof Integer index) {
				current = (index < list.size()) ? list.get(index) : null;
			}
			else {
				return null;
			}
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, Object... path) {
		Object value = at(node, path);
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node, Object... path) {
		Object value = at(node, path);
		return (value instanceof List<?>) ? (List<Object>) value : List.of();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> maps(Object node, Object... path) {
		return list(node, path).stream().map((item) -> (Map<String, Object>) item).toList();
	}

	static String text(Object node, Object... path) {
		return Objects.toString(at(node, path), null);
	}

	/**
	 * Every document of a YAML file or text.
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> parse(String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(20 * 1024 * 1024);
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The Java sources under a folder.
	 */
	static List<Path> javaSources(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Map<String, Object>> kustomize(String overlay) {
		Path folder = K8S.resolve("overlays").resolve(overlay);
		ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", folder.toString())
			.redirectError(ProcessBuilder.Redirect.PIPE);
		try {
			Process process;
			try {
				process = builder.start();
			}
			catch (IOException ex) {
				throw new AssertionError("The deployment checks render the overlays with `kubectl kustomize`: install "
						+ "kubectl (it renders offline, no cluster needed), or skip these checks with "
						+ "-DskipDeploymentChecks", ex);
			}
			String output;
			String errors;
			try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
				output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
				errors = new String(err.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new AssertionError("kubectl kustomize " + folder + " failed:\n" + errors);
			}
			return parse(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
