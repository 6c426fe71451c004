package io.carefin.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, driven by Playwright, started once for the whole suite: each test
 * opens browsers of its own, each playing a browser at its own address (named in
 * {@code X-Forwarded-For}, which the gateway believes from this machine in the local
 * mode), so that rate limits and lockouts count each test's browsers apart, as they would
 * count practices' browsers.
 */
final class Browsers {

	static final String PORTAL = "http://localhost:8080";

	private static final Path CHROMIUM = Path.of(System.getProperty("carefin.chromium", "/usr/bin/chromium"));

	private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static Playwright playwright;

	private static Browser chromium;

	/** Browsers with JavaScript off, where axe-core cannot run. */
	private static final java.util.Set<BrowserContext> withoutJavaScript = java.util.concurrent.ConcurrentHashMap
		.newKeySet();

	private Browsers() {
	}

	/**
	 * A new browser (its own cookies and storage) at the address, with JavaScript on or
	 * off.
	 */
	static BrowserContext open(String address, boolean javaScript) {
		return open(address, javaScript, Map.of());
	}

	/**
	 * A new browser at the address that sends the headers with every request too.
	 */
	static synchronized BrowserContext open(String address, boolean javaScript, Map<String, String> headers) {
		if (chromium == null) {
			assertThat(CHROMIUM).as("Debian's chromium package (apt-get install chromium)").isExecutable();
			playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			chromium = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
							"--disable-background-networking", "--disable-component-update", "--disable-sync")));
			Runtime.getRuntime().addShutdownHook(new Thread(Browsers::close));
		}
		BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(PORTAL)
			.setJavaScriptEnabled(javaScript)
			.setViewportSize(1280, 900)
			.setExtraHTTPHeaders(withAddress(headers, address)));
		context.setDefaultTimeout(20_000);
		if (!javaScript) {
			withoutJavaScript.add(context);
			context.onClose(withoutJavaScript::remove);
		}
		return context;
	}

	/**
	 * Checks the page with axe-core against WCAG 2.2 AA and fails on any violation of
	 * serious or critical impact, naming each with the elements it found; saves a
	 * screenshot of the page beside the test reports either way. In a browser with
	 * JavaScript off, axe-core cannot run: the same page is checked where a test runs
	 * with it on.
	 */
	static void assertAccessible(Page page, String name) {
		boolean javaScript = !withoutJavaScript.contains(page.context());
		screenshot(page, javaScript ? name : name + "-without-javascript");
		if (!javaScript) {
			return;
		}
		AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
		List<Rule> grave = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(grave)
			.as(() -> name + " (" + page.url() + "): "
					+ grave.stream()
						.map((rule) -> rule.getId() + " " + rule.getImpact() + " " + rule.getHelp() + " at "
								+ rule.getNodes()
									.stream()
									.map((node) -> node.getTarget().toString())
									.collect(Collectors.joining(", ")))
						.collect(Collectors.joining("; ")))
			.isEmpty();
	}

	private static Map<String, String> withAddress(Map<String, String> headers, String address) {
		Map<String, String> all = new java.util.LinkedHashMap<>(headers);
		all.put("X-Forwarded-For", address);
		return all;
	}

	static void screenshot(Page page, String name) {
		try {
			Path directory = Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static synchronized void close() {
		if (playwright != null) {
			playwright.close();
		}
	}

}
