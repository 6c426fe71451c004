package io.carefin.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.carefin.contracts.Topics;
import io.carefin.contracts.auth.PracticeEvent;

import static io.carefin.deployment.Manifests.at;
import static io.carefin.deployment.Manifests.list;
import static io.carefin.deployment.Manifests.map;
import static io.carefin.deployment.Manifests.maps;
import static io.carefin.deployment.Manifests.name;
import static io.carefin.deployment.Manifests.ofKind;
import static io.carefin.deployment.Manifests.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of deploy/compose without a Docker engine: the file parses, every
 * CareFin image is one the build makes, every dependency has a health check and gates
 * what needs it, the services run as locked down as on Kubernetes with the same keys, and
 * the topic script makes every topic with the retention its readers need.
 */
class ComposeFileTests {

	private static final Path COMPOSE = Manifests.REPOSITORY.resolve("deploy/compose");

	private static final Pattern IMAGE = Pattern.compile("carefin/([a-z-]+):\\$\\{CAREFIN_VERSION:-[^}]+}");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:[-?][^}]*)?}");

	private final Map<String, Object> compose = Manifests.parse(Manifests.read(COMPOSE.resolve("compose.yaml"))).get(0);

	@Test
	void everyCareFinImageIsOneTheBuildMakes() {
		Map<String, String> images = careFinServices();
		assertThat(images.values()).containsExactlyInAnyOrder("gateway", "auth-service", "transaction-service",
				"account-service", "reporting-service", "notification-service", "portal");
		images.forEach((service, module) -> {
			assertThat(service).isEqualTo(module);
			// the images profile builds a module with an application.yml (root pom.xml)
			assertThat(Manifests.REPOSITORY.resolve(module).resolve("src/main/resources/application.yml"))
				.as(module + " is imaged by -Dimages")
				.exists();
		});
	}

	@Test
	void everyDependencyHasAHealthCheckThatGatesWhatNeedsIt() {
		Map<String, Object> services = map(this.compose, "services");
		Set<String> careFin = careFinServices().keySet();
		services.forEach((name, service) -> {
			assertThat(map(service)).as(name + " memory limit").containsKey("mem_limit");
			if (!careFin.contains(name) && !name.equals("kafka-topics")) {
				assertThat(map(service)).as(name + " health check").containsKey("healthcheck");
			}
			map(service, "depends_on").forEach((dependency, condition) -> {
				assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
				String expected = dependency.equals("kafka-topics") ? "service_completed_successfully"
						: careFin.contains(dependency) ? "service_started" : "service_healthy";
				assertThat(at(condition, "condition")).as(name + " waits for " + dependency).isEqualTo(expected);
			});
		});
		assertThat(map(services, "transaction-service", "depends_on")).containsKeys("postgres", "kafka",
				"kafka-topics");
	}

	@Test
	void theServicesRunLockedDownAndOnlyTheEntrancesArePublished() {
		Map<String, Object> services = map(this.compose, "services");
		for (String name : careFinServices().keySet()) {
			Map<String, Object> service = map(services, name);
			assertThat(service).as(name).containsEntry("read_only", true);
			assertThat(list(service, "cap_drop")).containsExactly("ALL");
			assertThat(list(service, "security_opt")).contains("no-new-privileges:true");
			assertThat(list(service, "tmpfs")).contains("/tmp");
			assertThat(map(service, "environment")).containsEntry("MANAGEMENT_SERVER_PORT", "9000")
				.containsEntry("SERVER_SHUTDOWN", "graceful");
			if (!name.equals("portal")) {
				assertThat(map(service, "environment")).containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false")
					.containsEntry("CAREFIN_SECURITY_ISSUERS_0_KIND", "PROVIDER")
					.containsEntry("CAREFIN_SECURITY_ISSUERS_1_KIND", "STAFF");
			}
		}
		Map<String, List<Object>> published = new TreeMap<>();
		services.forEach((name, service) -> {
			if (!list(service, "ports").isEmpty()) {
				published.put(name, list(service, "ports"));
			}
		});
		assertThat(published).containsOnlyKeys("gateway", "keycloak", "mailpit");
		assertThat(published.get("gateway")).containsExactly("8080:8080");
	}

	@Test
	void theServicesGetTheKeysKubernetesGivesThemAndEveryVariableIsInTheExample() {
		Map<String, Object> services = map(this.compose, "services");
		for (Map<String, Object> secret : ofKind("local", "Secret")) {
			String service = name(secret).replace("-secrets", "");
			if (!services.containsKey(service)) {
				continue;
			}
			assertThat(map(services, service, "environment")).as(service + " gets the keys its Secret holds")
				.containsKeys(map(secret, "data").keySet().toArray(String[]::new));
		}
		Set<String> example = new TreeSet<>();
		for (String line : Manifests.read(COMPOSE.resolve("env.example")).lines().toList()) {
			if (!line.startsWith("#") && line.contains("=")) {
				example.add(line.substring(0, line.indexOf('=')));
			}
		}
		Set<String> used = new TreeSet<>();
		Matcher variable = VARIABLE.matcher(Manifests.read(COMPOSE.resolve("compose.yaml")));
		while (variable.find()) {
			used.add(variable.group(1));
		}
		assertThat(example).as("env.example names every variable compose.yaml reads").containsAll(used);
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePortalSignsStaffInAtTheRealmKeycloakImportsAndReadsMaintenanceFromKafka() throws IOException {
		Map<String, Object> services = map(this.compose, "services");
		Map<String, Object> portal = map(services, "portal", "environment");
		Map<String, Object> gateway = map(services, "gateway", "environment");
		// the issuer the staff tokens name and the gateway trusts; the public URL
		assertThat(portal)
			.containsEntry("CAREFIN_PORTAL_STAFF_ISSUERURI", gateway.get("CAREFIN_SECURITY_ISSUERS_1_ISSUERURI"))
			.containsEntry("CAREFIN_PORTAL_STAFF_PUBLICURI", gateway.get("CAREFIN_SECURITY_ISSUERS_0_ISSUERURI"))
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", gateway.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
			.containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false");
		assertThat(map(services, "portal", "depends_on")).containsKeys("postgres", "kafka", "kafka-topics");
		// the realm inside the network: Keycloak's service name and HTTP port
		assertThat(list(services, "keycloak", "command")).contains("--http-port=8180", "--import-realm");
		assertThat(portal).containsEntry("CAREFIN_PORTAL_STAFF_BACKCHANNELURI",
				"http://keycloak:8180/realms/carefin-staff");

		// Keycloak imports deploy/keycloak's realm file as it is: its carefin-portal
		// client has the secret and the redirects the portal's defaults name
		String mounted = list(services, "keycloak", "volumes").stream()
			.map(Object::toString)
			.filter((volume) -> volume.endsWith(":/opt/keycloak/data/import/carefin-staff-realm.json:ro"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Keycloak imports the staff realm"));
		Path realmFile = COMPOSE.resolve(mounted.split(":")[0]).normalize();
		assertThat(realmFile).isEqualTo(Manifests.REPOSITORY.resolve("deploy/keycloak/carefin-staff-realm.json"));
		Map<String, Object> realm = new ObjectMapper().readValue(realmFile.toFile(), Map.class);
		Map<String, Object> client = maps(realm, "clients").stream()
			.filter((candidate) -> "carefin-portal".equals(candidate.get("clientId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the realm file has the client carefin-portal"));
		assertThat(portal).containsEntry("CAREFIN_PORTAL_STAFF_CLIENTSECRET",
				"${CAREFIN_PORTAL_CLIENT_SECRET:-" + client.get("secret") + "}");
		String publicUrl = defaultOf(text(portal, "CAREFIN_PORTAL_STAFF_PUBLICURI"));
		assertThat(list(client, "redirectUris")).containsExactly(publicUrl + "/login/oauth2/code/keycloak");
		assertThat(text(client, "attributes", "post.logout.redirect.uris")).isEqualTo(publicUrl + "/staff/*");
		assertThat(realm).as("the realm named by the issuer").containsEntry("realm", "carefin-staff");
	}

	@Test
	void everyVolumeAndMountedFileExists() {
		Set<String> named = map(this.compose, "volumes").keySet();
		map(this.compose, "services").forEach((name, service) -> {
			for (Object volume : list(service, "volumes")) {
				String source = volume.toString().split(":")[0];
				if (source.startsWith(".")) {
					assertThat(COMPOSE.resolve(source).normalize()).as(name + " mounts " + source).exists();
				}
				else {
					assertThat(named).as(name + " uses volume " + source).contains(source);
				}
			}
		});
		String databases = Manifests.read(COMPOSE.resolve("postgres-init.sh"));
		map(this.compose, "services").forEach((name, service) -> {
			String url = text(service, "environment", "SPRING_DATASOURCE_URL");
			if (url != null) {
				String database = url.substring(url.lastIndexOf('/') + 1);
				assertThat(databases).as(name + "'s database " + database + " is created")
					.containsPattern("for name in [^;]*\\b" + database + "\\b");
			}
		});
	}

	@Test
	void theTopicScriptMakesEveryTopicWithTheRetentionItsReadersNeed(@TempDir Path work)
			throws IOException, InterruptedException {
		// the script as the kafka-topics container runs it, with Kafka's tool replaced by
		// echo
		Path script = work.resolve("kafka-topics.sh");
		Files.writeString(script,
				Manifests.read(COMPOSE.resolve("kafka-topics.sh")).replace("/opt/kafka/bin/kafka-topics.sh", "echo"));
		Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		Map<String, String> retention = new LinkedHashMap<>();
		Set<String> compacted = new TreeSet<>();
		Pattern created = Pattern.compile(
				"--topic (\\S+) --partitions 6 .*?(?:retention\\.ms=(-?\\d+) .*)?cleanup\\.policy=(delete|compact)");
		for (String line : output.lines().toList()) {
			Matcher topic = created.matcher(line);
			assertThat(topic.find()).as(line).isTrue();
			if (topic.group(3).equals("compact")) {
				compacted.add(topic.group(1));
			}
			else {
				assertThat(topic.group(2)).as(topic.group(1) + " names its retention").isNotNull();
				retention.put(topic.group(1), topic.group(2));
			}
		}
		// the latest value per key is all its readers need (ADR 0023)
		assertThat(compacted).containsExactly("auth.maintenance");
		retention.put("auth.maintenance", "compacted");
		Set<String> expected = new TreeSet<>();
		Topics.ALL.forEach((topic) -> expected.addAll(List.of(topic, topic + ".DLT")));
		assertThat(retention.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		Set<String> replayed = KubernetesManifestsTests.replayedTopics();
		retention.forEach((topic, millis) -> {
			if (compacted.contains(topic)) {
				return;
			}
			if (replayed.contains(topic) || topic.equals(PracticeEvent.TOPIC)) {
				assertThat(millis).as(topic + " is read again from its start: kept forever").isEqualTo("-1");
			}
			else {
				assertThat(Long.parseLong(millis)).as(topic + " retention").isPositive();
			}
		});
	}

	/** The value a {@code ${NAME:-default}} reference has when NAME is not set. */
	private static String defaultOf(String value) {
		Matcher reference = VARIABLE.matcher(value);
		assertThat(reference.matches()).as(value).isTrue();
		return reference.group(2).substring(2);
	}

	/** The CareFin services of the file and the module each one's image comes from. */
	private Map<String, String> careFinServices() {
		Map<String, String> modules = new TreeMap<>();
		map(this.compose, "services").forEach((name, service) -> {
			Matcher image = IMAGE.matcher(String.valueOf(at(service, "image")));
			if (image.matches()) {
				modules.put(name, image.group(1));
			}
			else {
				assertThat(String.valueOf(at(service, "image"))).as(name + " image").doesNotContain("carefin");
			}
		});
		return modules;
	}

}
