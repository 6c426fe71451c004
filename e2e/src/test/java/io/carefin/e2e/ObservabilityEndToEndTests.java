package io.carefin.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ops deploy from {@code deploy/observability/} works against the platform as it
 * runs: the alert rules pass {@code promtool}'s checks and unit tests, and every metric a
 * dashboard panel or an alert reads is one that a running service really exports (a
 * renamed meter breaks this test, not a dashboard in production). Each service also says
 * which build and commit it runs, and a page of the portal is one trace from the gateway
 * through the portal to the services it reads.
 */
@ExtendWith(LocalStack.class)
class ObservabilityEndToEndTests {

	private static final Path OBSERVABILITY = Path.of("..", "deploy", "observability").toAbsolutePath().normalize();

	private static final Map<String, Integer> MANAGEMENT = Map.of("gateway", 8080, "auth-service", 8081,
			"transaction-service", 8082, "account-service", 8083, "reporting-service", 8084, "notification-service",
			8085, "portal", 8086);

	/**
	 * Meters that appear only with a fault the suite does not cause, and the module test
	 * that proves each is exported then.
	 */
	private static final Map<String, String> ONLY_UNDER_FAULT = Map.of("carefin_messaging_retries_total",
			"account-service's DatabaseOutageIntegrationTests, while its PostgreSQL is cut");

	/** Words of PromQL that stand where a metric name could, and are not one. */
	private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "by", "without", "on",
			"ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "rate", "irate",
			"increase", "deriv", "histogram_quantile", "le", "inf");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_:]*");

	@Test
	void theAlertRulesPassPromtoolsChecksAndUnitTests() throws Exception {
		Path rules = OBSERVABILITY.resolve("prometheus");
		assertThat(promtool(rules, "check", "rules", "rules.yml")).contains("SUCCESS");
		assertThat(promtool(rules, "test", "rules", "rules.test.yml")).contains("SUCCESS");
	}

	@Test
	void everyMetricADashboardOrAnAlertReadsIsExportedByARunningService() throws Exception {
		// Meters that appear with their first occurrence: a failed sign-in, a refusal by
		// a
		// rate limit, a record parked on a dead-letter topic. The local platform's demo
		// activity has already made purchases, refunds and e-mails.
		Api stranger = new Api("198.51.100.250");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> stranger.post("/api/auth/login", null, Map.of("userId", "nobody", "password", "wrong"))
				.status() == 429);
		parkAPoisonRecord();

		Set<String> wanted = new TreeSet<>();
		try (Stream<Path> dashboards = Files.list(OBSERVABILITY.resolve("grafana/dashboards"))) {
			for (Path dashboard : dashboards.toList()) {
				for (JsonNode panel : Api.json.readTree(dashboard.toFile()).path("panels")) {
					for (JsonNode target : panel.path("targets")) {
						wanted.addAll(metricsIn(target.path("expr").asString()));
					}
				}
			}
		}
		Matcher expressions = Pattern.compile("(?m)^\\s+expr: (>-\\n(?:\\s{10}.*\\n)+|.*)")
			.matcher(Files.readString(OBSERVABILITY.resolve("prometheus/rules.yml")));
		while (expressions.find()) {
			wanted.addAll(metricsIn(expressions.group(1)));
		}
		assertThat(wanted).contains("http_server_requests_seconds_count", "carefin_events_published_total",
				"carefin_outbox_oldest_age_seconds");
		assertThat(wanted).as("metrics only a fault this suite does not cause exports")
			.containsAll(ONLY_UNDER_FAULT.keySet());
		wanted.removeAll(ONLY_UNDER_FAULT.keySet());

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> exported = exported();
			assertThat(wanted.stream().filter((metric) -> !exported.contains(metric)).toList())
				.as("metrics read by deploy/observability that no service exports")
				.isEmpty();
		});
	}

	@Test
	void aPortalPageIsOneTraceFromTheGatewayThroughThePortalToTheServiceItReads() {
		String trace = randomHex(32);
		// the browser starts the trace (W3C traceparent on every request it makes), so
		// the test knows which one to open
		BrowserContext browser = Browsers.open("198.51.100.160", true,
				Map.of("traceparent", "00-" + trace + "-" + randomHex(16) + "-01"));
		try {
			Page page = browser.newPage();
			page.navigate("/");
			page.getByLabel("User ID").fill("lakeside.user");
			page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("Quiet-Lakeshore-2026");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
		}
		finally {
			browser.close();
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Api.Reply spans = Api.getAbsolute("http://127.0.0.1:9411/api/v2/trace/" + trace);
			assertThat(spans.status()).as(spans.text()).isEqualTo(200);
			List<String> kinds = new ArrayList<>();
			for (JsonNode span : spans.body()) {
				kinds.add(
						span.path("localEndpoint").path("serviceName").asString() + " " + span.path("kind").asString());
			}
			// the page: gateway to portal; the dashboard's figures: portal to gateway to
			// auth-service (the session's check) and reporting-service
			assertThat(kinds).contains("gateway SERVER", "portal SERVER", "portal CLIENT", "auth-service SERVER",
					"reporting-service SERVER");
		});
	}

	@Test
	void everyServiceSaysWhichBuildAndCommitItRuns() {
		for (Map.Entry<String, Integer> service : MANAGEMENT.entrySet()) {
			if (service.getKey().equals("portal")) {
				// the portal's own security does not open /actuator/info
				continue;
			}
			Api.Reply info = Api.getAbsolute("http://localhost:" + service.getValue() + "/actuator/info");
			assertThat(info.status()).as("%s's /actuator/info", service.getKey()).isEqualTo(200);
			assertThat(info.body().path("build").path("artifact").asString()).isEqualTo(service.getKey());
			assertThat(info.body().path("git").path("commit").path("id").asString()).as(info.text()).isNotBlank();
		}
	}

	/**
	 * The metric names in a PromQL expression: identifiers outside label matchers and
	 * groupings, not functions.
	 */
	static Set<String> metricsIn(String expression) {
		String bare = expression.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\"[^\"]*\"", " ");
		Set<String> metrics = new TreeSet<>();
		Matcher identifiers = IDENTIFIER.matcher(bare);
		while (identifiers.find()) {
			String name = identifiers.group();
			boolean function = bare.substring(identifiers.end()).stripLeading().startsWith("(");
			boolean recorded = name.contains(":");
			if (!function && !recorded && !PROMQL.contains(name.toLowerCase())) {
				metrics.add(name);
			}
		}
		return metrics;
	}

	private static Set<String> exported() {
		Set<String> names = new TreeSet<>();
		Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
		for (Map.Entry<String, Integer> service : MANAGEMENT.entrySet()) {
			Api.Reply scrape = Api.getAbsolute("http://localhost:" + service.getValue() + "/actuator/prometheus");
			assertThat(scrape.status()).as("%s's /actuator/prometheus", service.getKey()).isEqualTo(200);
			names.addAll(scrape.text()
				.lines()
				.map(sample::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.collect(Collectors.toSet()));
			names.add("up");
		}
		return names;
	}

	/**
	 * A record that is not an event at all: every consumer of the topic retries it and
	 * parks it on the dead-letter topic, which is what the dead-letter meter counts.
	 */
	private static void parkAPoisonRecord() throws Exception {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			producer
				.send(new ProducerRecord<>("transaction.purchases", "e2e-poison",
						"not an event".getBytes(StandardCharsets.UTF_8)))
				.get(20, TimeUnit.SECONDS);
		}
	}

	private static String promtool(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static String randomHex(int length) {
		byte[] bytes = new byte[length / 2];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return HexFormat.of().formatHex(bytes);
	}

}
