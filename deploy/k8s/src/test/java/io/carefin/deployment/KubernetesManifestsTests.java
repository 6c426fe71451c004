package io.carefin.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.carefin.contracts.Topics;

import static io.carefin.deployment.Manifests.at;
import static io.carefin.deployment.Manifests.list;
import static io.carefin.deployment.Manifests.map;
import static io.carefin.deployment.Manifests.maps;
import static io.carefin.deployment.Manifests.name;
import static io.carefin.deployment.Manifests.named;
import static io.carefin.deployment.Manifests.ofKind;
import static io.carefin.deployment.Manifests.render;
import static io.carefin.deployment.Manifests.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay with {@code kubectl kustomize} and checks the objects against the
 * Kubernetes model and the rules docs/deployment.md states: hardened Deployments, a PDB
 * and one autoscaler per service, consumers scaled on lag up to their topics' partitions,
 * a KafkaTopic for every topic, deny-by-default networking, no Secret in the repository
 * outside the local overlay.
 */
class KubernetesManifestsTests {

	/** The seven services: HTTP port and database (none for the gateway). */
	private static final Map<String, String> DATABASES = new LinkedHashMap<>();

	private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

	static {
		service("gateway", 8080, null);
		service("auth-service", 8081, "auth");
		service("transaction-service", 8082, "transaction");
		service("account-service", 8083, "account");
		service("reporting-service", 8084, "reporting");
		service("notification-service", 8085, "notification");
		service("portal", 8086, "portal");
	}

	private static final int MANAGEMENT_PORT = 9000;

	private static final Pattern REBUILD_TOPICS = Pattern.compile("TOPICS = List\\.of\\(([^;]*)\\);");

	private static final Pattern LISTENER = Pattern
		.compile("@KafkaListener\\([^)]*topics\\s*=\\s*\\{?\\s*([A-Za-z]+)\\.TOPIC");

	private static void service(String name, int port, String database) {
		PORTS.put(name, port);
		DATABASES.put(name, database);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyObjectFitsItsSchema(String overlay) {
		List<String> problems = new ArrayList<>();
		render(overlay).forEach((object) -> problems.addAll(KubernetesModel.problems(object)));
		assertThat(problems).isEmpty();
		assertThat(ofKind(overlay, "Deployment")).extracting(Manifests::name).containsAll(PORTS.keySet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyServiceRunsHardenedAndStopsGracefully(String overlay) {
		for (String service : PORTS.keySet()) {
			Map<String, Object> deployment = named(overlay, "Deployment", service);
			Map<String, Object> pod = map(deployment, "spec", "template", "spec");
			Map<String, Object> container = maps(pod, "containers").get(0);
			String where = overlay + " " + service + ": ";

			assertThat(text(container, "image")).as(where + "image").contains("carefin/" + service);
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				assertThat(text(container, probe, "httpGet", "port")).as(where + probe + " port")
					.isEqualTo("management");
				assertThat(text(container, probe, "httpGet", "path")).as(where + probe).startsWith("/actuator/health/");
			}
			assertThat(maps(container, "ports")).as(where + "ports")
				.anySatisfy((port) -> assertThat(port).containsEntry("name", "management")
					.containsEntry("containerPort", MANAGEMENT_PORT))
				.anySatisfy((port) -> assertThat(port).containsEntry("name", "http")
					.containsEntry("containerPort", PORTS.get(service)));
			assertThat(environment(container)).as(where + "environment")
				.containsEntry("MANAGEMENT_SERVER_PORT", Integer.toString(MANAGEMENT_PORT))
				.containsEntry("SERVER_SHUTDOWN", "graceful");

			assertThat(map(container, "resources", "requests")).as(where + "requests").containsKeys("cpu", "memory");
			assertThat(map(container, "resources", "limits")).as(where + "limits").containsKeys("cpu", "memory");

			assertThat(at(pod, "securityContext", "runAsNonRoot")).as(where + "runAsNonRoot").isEqualTo(true);
			assertThat(at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
			assertThat((Integer) at(pod, "securityContext", "runAsUser")).as(where + "runAsUser").isPositive();
			assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(where + "read-only root")
				.isEqualTo(true);
			assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
			assertThat(list(container, "securityContext", "capabilities", "drop")).as(where + "capabilities")
				.containsExactly("ALL");
			assertThat(at(pod, "automountServiceAccountToken")).isEqualTo(false);
			assertThat(text(pod, "serviceAccountName")).isEqualTo(service);
			named(overlay, "ServiceAccount", service);

			String tmpVolume = maps(container, "volumeMounts").stream()
				.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
				.map((mount) -> (String) mount.get("name"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(where + "no writable /tmp"));
			assertThat(maps(pod, "volumes")).as(where + "/tmp")
				.anySatisfy((volume) -> assertThat(volume).containsEntry("name", tmpVolume).containsKey("emptyDir"));

			// SIGTERM comes after the preStop pause; Boot then has its shutdown phase to
			// finish requests in
			// flight; the grace period must cover both
			int preStop = (Integer) at(container, "lifecycle", "preStop", "sleep", "seconds");
			int shutdownPhase = Integer
				.parseInt(environment(container).get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").replace("s", ""));
			assertThat((Integer) at(pod, "terminationGracePeriodSeconds")).as(where + "grace period")
				.isGreaterThan(preStop + shutdownPhase);
			assertThat(maps(pod, "topologySpreadConstraints")).as(where + "topology spread")
				.extracting((constraint) -> constraint.get("topologyKey"))
				.contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");

			Map<String, Object> serviceObject = named(overlay, "Service", service);
			assertThat(map(serviceObject, "spec", "selector")).containsEntry("app.kubernetes.io/name", service);
			assertThat(maps(serviceObject, "spec", "ports")).as(where + "Service ports")
				.allSatisfy((port) -> assertThat(port.get("port")).isEqualTo(PORTS.get(service)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyServiceHasADisruptionBudgetAndOneAutoscaler(String overlay) {
		Map<String, List<String>> consumed = consumedTopics();
		for (String service : PORTS.keySet()) {
			String where = overlay + " " + service + ": ";
			assertThat(ofKind(overlay, "PodDisruptionBudget")).as(where + "PodDisruptionBudget")
				.anySatisfy((budget) -> assertThat(map(budget, "spec", "selector", "matchLabels"))
					.containsEntry("app.kubernetes.io/name", service));
			List<Map<String, Object>> hpas = ofKind(overlay, "HorizontalPodAutoscaler").stream()
				.filter((hpa) -> service.equals(at(hpa, "spec", "scaleTargetRef", "name")))
				.toList();
			List<Map<String, Object>> scaledObjects = ofKind(overlay, "ScaledObject").stream()
				.filter((scaled) -> service.equals(at(scaled, "spec", "scaleTargetRef", "name")))
				.toList();
			assertThat(hpas.size() + scaledObjects.size()).as(where + "autoscalers").isOne();
			if (consumed.getOrDefault(service, List.of()).isEmpty()) {
				assertThat(hpas).as(where + "an HTTP service scales on CPU").hasSize(1);
				assertThat(maps(hpas.get(0), "spec", "metrics"))
					.anySatisfy((metric) -> assertThat(at(metric, "resource", "name")).isEqualTo("cpu"));
				assertThat((Integer) at(hpas.get(0), "spec", "minReplicas")).isPositive();
			}
			else {
				assertThat(scaledObjects).as(where + "a Kafka consumer scales on lag").hasSize(1);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void consumersScaleOnLagOfEveryTopicTheyReadUpToItsPartitions(String overlay) {
		Map<String, List<String>> consumed = consumedTopics();
		assertThat(consumed).as("listeners found in the services' sources").isNotEmpty();
		Map<String, Integer> partitions = new LinkedHashMap<>();
		ofKind(overlay, "KafkaTopic").forEach(
				(topic) -> partitions.put(text(topic, "spec", "topicName"), (Integer) at(topic, "spec", "partitions")));
		consumed.forEach((service, topics) -> {
			Map<String, Object> scaled = named(overlay, "ScaledObject", service);
			List<Map<String, Object>> kafka = maps(scaled, "spec", "triggers").stream()
				.filter((trigger) -> "kafka".equals(trigger.get("type")))
				.toList();
			assertThat(kafka).as(overlay + " " + service + ": a lag trigger per topic it reads")
				.extracting((trigger) -> at(trigger, "metadata", "topic"))
				.containsExactlyInAnyOrderElementsOf(topics);
			int max = (Integer) at(scaled, "spec", "maxReplicaCount");
			for (Map<String, Object> trigger : kafka) {
				assertThat(at(trigger, "metadata", "consumerGroup")).isEqualTo(service);
				assertThat(at(trigger, "metadata", "allowIdleConsumers")).isEqualTo("false");
				assertThat(at(trigger, "metadata", "bootstrapServersFromEnv"))
					.isEqualTo("SPRING_KAFKA_BOOTSTRAP_SERVERS");
				assertThat(max)
					.as(overlay + " " + service + ": at most one replica per partition of "
							+ at(trigger, "metadata", "topic"))
					.isLessThanOrEqualTo(partitions.get((String) at(trigger, "metadata", "topic")));
			}
			assertThat(maps(scaled, "spec", "triggers")).as(service + " also scales on CPU")
				.anySatisfy((trigger) -> assertThat(trigger.get("type")).isEqualTo("cpu"));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyTopicIsAKafkaTopicKeptAsLongAsItsReadersNeed(String overlay) {
		Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
		ofKind(overlay, "KafkaTopic").forEach((topic) -> topics.put(text(topic, "spec", "topicName"), topic));
		Set<String> replayed = replayedTopics();
		assertThat(replayed).as("the topics reporting-service's rebuild replays").isNotEmpty();
		Set<String> expected = new TreeSet<>();
		Topics.ALL.forEach((topic) -> expected.addAll(List.of(topic, topic + ".DLT")));
		assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		topics.forEach((name, topic) -> {
			assertThat(map(topic, "metadata", "labels")).containsEntry("strimzi.io/cluster", "carefin-kafka");
			assertThat(at(topic, "spec", "partitions")).as(name + " partitions").isEqualTo(6);
			if (!overlay.equals("local")) {
				assertThat(at(topic, "spec", "replicas")).as(name + " replicas").isEqualTo(3);
				assertThat(at(topic, "spec", "config", "min.insync.replicas")).as(name + " min ISR").isEqualTo(2);
			}
			if (replayed.contains(name)) {
				assertThat(text(topic, "spec", "config", "retention.ms")).as(name + " is replayed: kept forever")
					.isEqualTo("-1");
				assertThat(text(topic, "spec", "config", "cleanup.policy")).as(name + " is never compacted")
					.isEqualTo("delete");
			}
		});
		Map<String, Object> kafka = named(overlay, "Kafka", "carefin-kafka");
		assertThat(at(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo(false);
		assertThat(map(kafka, "metadata", "annotations")).containsEntry("strimzi.io/node-pools", "enabled")
			.containsEntry("strimzi.io/kraft", "enabled");
		assertThat(list(named(overlay, "KafkaNodePool", "dual"), "spec", "roles")).contains("controller", "broker");
		assertThat(map(named(overlay, "ConfigMap", "carefin-kafka"), "data"))
			.as("services do not create topics outside local mode and tests")
			.containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyKafkaClientMayReachTheBrokersAndEveryTokenCheckerTheKeys(String overlay) {
		List<Object> peers = list(named(overlay, "Kafka", "carefin-kafka"), "spec", "kafka", "listeners", 0,
				"networkPolicyPeers");
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			List<String> configMaps = maps(deployment, "spec", "template", "spec", "containers", 0, "envFrom").stream()
				.map((source) -> text(source, "configMapRef", "name"))
				.toList();
			Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
			String service = name(deployment);
			if (configMaps.contains("carefin-kafka")) {
				assertThat(labels).as(overlay + " " + service + " is let in by the Kafka listener")
					.containsEntry("carefin.io/kafka-client", "true");
				assertThat(peers).anySatisfy((peer) -> assertThat(at(peer, "podSelector", "matchLabels"))
					.isEqualTo(Map.of("carefin.io/kafka-client", "true")));
				assertThat(maps(named(overlay, "NetworkPolicy", service), "spec", "egress"))
					.as(overlay + " " + service + " may reach the brokers")
					.anySatisfy(
							(rule) -> assertThat(at(rule, "to", 0, "podSelector", "matchLabels", "strimzi.io/cluster"))
								.isEqualTo("carefin-kafka"));
			}
			if (configMaps.contains("carefin-trust")) {
				assertThat(labels).as(overlay + " " + service + " is let in by auth-service for its keys")
					.containsEntry("carefin.io/trusts-tokens", "true");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyInClusterAddressNamesAServiceAndOneOfItsPorts(String overlay) {
		// Services the operators make from the objects here (Keycloak's HTTP port, with
		// http enabled)
		Map<String, Set<Object>> ports = new LinkedHashMap<>(Map.of("carefin-keycloak-service", Set.of(8080)));
		ofKind(overlay, "Service").forEach((service) -> ports.put(name(service),
				maps(service, "spec", "ports").stream().map((port) -> port.get("port")).collect(Collectors.toSet())));
		List<String> values = new ArrayList<>();
		ofKind(overlay, "ConfigMap")
			.forEach((configMap) -> map(configMap, "data").values().forEach((value) -> values.add(value.toString())));
		ofKind(overlay, "Deployment")
			.forEach((deployment) -> maps(deployment, "spec", "template", "spec", "containers", 0, "env")
				.forEach((variable) -> values.add(String.valueOf(variable.get("value")))));
		Pattern address = Pattern.compile("(?:http|redis)://(?:[^@/\\s]*@)?([a-z0-9-]+):(\\d+)");
		int checked = 0;
		for (String value : values) {
			Matcher found = address.matcher(value);
			while (found.find()) {
				checked++;
				assertThat(ports).as(overlay + ": " + value + " names a Service").containsKey(found.group(1));
				assertThat(ports.get(found.group(1))).as(overlay + ": " + value + " names a port of its Service")
					.contains(Integer.parseInt(found.group(2)));
			}
		}
		assertThat(checked).as("addresses found").isGreaterThanOrEqualTo(PORTS.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void kafkaIsNamedSoThatKedaFindsItFromItsOwnNamespace(String overlay) {
		String namespace = text(named(overlay, "Deployment", "gateway"), "metadata", "namespace");
		assertThat(map(named(overlay, "ConfigMap", "carefin-kafka"), "data")).containsEntry(
				"SPRING_KAFKA_BOOTSTRAP_SERVERS", "carefin-kafka-kafka-bootstrap." + namespace + ".svc:9092");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void everyServiceTrustsTheIssuersTheTokensName(String overlay) {
		Map<String, Object> trust = map(named(overlay, "ConfigMap", "carefin-trust"), "data");
		assertThat(trust).containsEntry("CAREFIN_SECURITY_ISSUERS_0_KIND", "PROVIDER")
			.containsEntry("CAREFIN_SECURITY_ISSUERS_1_KIND", "STAFF")
			.containsEntry("CAREFIN_SECURITY_ISSUERS_0_ISSUERURI",
					map(named(overlay, "ConfigMap", "auth-service-config"), "data").get("CAREFIN_AUTH_TOKENS_ISSUER"));
		String keycloakHost = text(named(overlay, "Keycloak", "carefin-keycloak"), "spec", "hostname", "hostname");
		assertThat(trust).containsEntry("CAREFIN_SECURITY_ISSUERS_1_ISSUERURI", keycloakHost + "/realms/carefin-staff");
		// every ConfigMap a Deployment reads exists
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			for (Map<String, Object> source : maps(deployment, "spec", "template", "spec", "containers", 0,
					"envFrom")) {
				if (source.containsKey("configMapRef")) {
					named(overlay, "ConfigMap", text(source, "configMapRef", "name"));
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void networkPoliciesDenyByDefaultAndOnlyTheGatewayIsReachableFromOutside(String overlay) {
		Map<String, Object> deny = named(overlay, "NetworkPolicy", "default-deny");
		assertThat(map(deny, "spec", "podSelector", "matchLabels")).containsEntry("app.kubernetes.io/part-of",
				"carefin");
		assertThat(list(deny, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(at(deny, "spec", "ingress")).isNull();
		assertThat(at(deny, "spec", "egress")).isNull();
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			if ("carefin"
				.equals(map(deployment, "spec", "template", "metadata", "labels").get("app.kubernetes.io/part-of"))) {
				assertThat(map(deployment, "metadata", "labels")).containsEntry("app.kubernetes.io/part-of", "carefin");
			}
		}
		for (String service : PORTS.keySet()) {
			Map<String, Object> policy = named(overlay, "NetworkPolicy", service);
			assertThat(list(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
			for (Map<String, Object> rule : maps(policy, "spec", "ingress")) {
				boolean fromOutsideNamespace = maps(rule, "from").stream()
					.anyMatch((peer) -> peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock"));
				Set<Object> ports = maps(rule, "ports").stream()
					.map((port) -> port.get("port"))
					.collect(Collectors.toSet());
				if (fromOutsideNamespace && !ports.equals(Set.of(MANAGEMENT_PORT))) {
					assertThat(service).as(overlay + ": only the gateway takes HTTP from outside the namespace")
						.isEqualTo("gateway");
				}
			}
			// egress to a database: only its own
			for (Map<String, Object> rule : maps(policy, "spec", "egress")) {
				for (Map<String, Object> peer : maps(rule, "to")) {
					Object cluster = at(peer, "podSelector", "matchLabels", "cnpg.io/cluster");
					if (cluster != null) {
						assertThat(cluster).as(overlay + " " + service + " reaches only its own database")
							.isEqualTo(DATABASES.get(service) + "-db");
					}
				}
			}
		}
		// each database: only its service (and its own instances and the operator) get in
		DATABASES.forEach((service, database) -> {
			if (database == null) {
				return;
			}
			Map<String, Object> policy = named(overlay, "NetworkPolicy", database + "-db");
			assertThat(map(policy, "spec", "podSelector", "matchLabels")).containsEntry("cnpg.io/cluster",
					database + "-db");
			Set<Object> callers = new HashSet<>();
			for (Map<String, Object> rule : maps(policy, "spec", "ingress")) {
				for (Map<String, Object> peer : maps(rule, "from")) {
					Object app = at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
					if (app != null) {
						callers.add(app);
					}
				}
			}
			assertThat(callers).as(overlay + " " + database + "-db is reached by").containsExactly(service);
			Map<String, Object> cluster = named(overlay, "Cluster", database + "-db");
			assertThat(at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo(database);
			assertThat(at(cluster, "spec", "bootstrap", "initdb", "owner")).isEqualTo(database);
			if (!overlay.equals("local")) {
				assertThat(map(cluster, "spec", "backup")).as(database + "-db backups")
					.containsKey("barmanObjectStore");
				assertThat(ofKind(overlay, "ScheduledBackup")).as(database + "-db daily backup")
					.anySatisfy(
							(backup) -> assertThat(at(backup, "spec", "cluster", "name")).isEqualTo(database + "-db"));
			}
		});
		// the public entrances: the gateway, and Keycloak's realm pages (never its admin
		// console)
		for (Map<String, Object> ingress : ofKind(overlay, "Ingress")) {
			for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
				for (Map<String, Object> path : maps(rule, "http", "paths")) {
					String backend = text(path, "backend", "service", "name");
					assertThat(backend).as(overlay + " public backend").isIn("gateway", "carefin-keycloak-service");
					if (backend.equals("carefin-keycloak-service")) {
						assertThat(text(path, "path")).isIn("/realms/carefin-staff", "/resources");
					}
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void prometheusScrapesEveryServiceAndAlertsByTheRulesPromtoolTests(String overlay) throws Exception {
		Map<String, Object> tested = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(Manifests.REPOSITORY.resolve("deploy/observability/prometheus/rules.yml")));
		assertThat(at(named(overlay, "PrometheusRule", "carefin"), "spec", "groups"))
			.as("the PrometheusRule's groups are deploy/observability/prometheus/rules.yml's")
			.isEqualTo(tested.get("groups"));

		Map<String, Object> monitor = named(overlay, "PodMonitor", "carefin");
		Map<String, Object> selector = map(monitor, "spec", "selector", "matchLabels");
		assertThat(maps(monitor, "spec", "podMetricsEndpoints")).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint).containsEntry("port", "management")
				.containsEntry("path", "/actuator/prometheus"));
		Set<String> scraped = new TreeSet<>();
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
			if (labels.entrySet().containsAll(selector.entrySet())) {
				scraped.add(name(deployment));
				assertThat(maps(deployment, "spec", "template", "spec", "containers").getFirst().get("ports"))
					.as(overlay + " " + name(deployment) + " names its management port")
					.asString()
					.contains("name=management");
			}
		}
		assertThat(scraped).as(overlay + ": the services Prometheus scrapes").containsAll(PORTS.keySet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "staging", "production" })
	void noSecretOutsideTheLocalOverlayAndEveryReferencedOneIsProvided(String overlay) {
		assertThat(ofKind(overlay, "Secret")).as(overlay + " keeps no Secret in the repository").isEmpty();
		Set<String> provided = new TreeSet<>();
		ofKind(overlay, "ExternalSecret").forEach((external) -> provided.add(text(external, "spec", "target", "name")));
		ofKind(overlay, "Cluster").forEach((cluster) -> provided.add(name(cluster) + "-app"));
		assertThat(referencedSecrets(overlay)).as(overlay + ": every Secret a pod or operator reads is provided")
			.isSubsetOf(provided);
		Set<String> providedKeys = new TreeSet<>(databaseSecretKeys(overlay));
		ofKind(overlay, "ExternalSecret").forEach((external) -> maps(external, "spec", "data").forEach(
				(item) -> providedKeys.add(text(external, "spec", "target", "name") + "/" + text(item, "secretKey"))));
		assertThat(referencedSecretKeys(overlay)).as(overlay + ": every Secret key a pod or operator reads is provided")
			.isSubsetOf(providedKeys);
	}

	@Test
	void theLocalOverlaySecretsAreTheOnlyOnesAndCoverEveryReference() {
		Set<String> provided = new TreeSet<>();
		ofKind("local", "Secret").forEach((secret) -> provided.add(name(secret)));
		ofKind("local", "Cluster").forEach((cluster) -> provided.add(name(cluster) + "-app"));
		assertThat(referencedSecrets("local")).isSubsetOf(provided);
		assertThat(ofKind("local", "ExternalSecret")).isEmpty();
		Set<String> providedKeys = new TreeSet<>(databaseSecretKeys("local"));
		ofKind("local", "Secret").forEach(
				(secret) -> map(secret, "data").keySet().forEach((key) -> providedKeys.add(name(secret) + "/" + key)));
		assertThat(referencedSecretKeys("local")).as("every Secret key a pod or operator reads is provided")
			.isSubsetOf(providedKeys);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	@SuppressWarnings("unchecked")
	void theRealmImportIsTheStaffRealmWithoutItsDevelopmentParts(String overlay) throws Exception {
		Map<String, Object> realm = new ObjectMapper()
			.readValue(Manifests.REPOSITORY.resolve("deploy/keycloak/carefin-staff-realm.json").toFile(), Map.class);
		Map<String, Object> realmImport = named(overlay, "KeycloakRealmImport", "carefin-staff");
		Map<String, Object> imported = map(realmImport, "spec", "realm");
		// no demo users, no password grant, no flow without the second factor
		assertThat(imported).doesNotContainKey("users").doesNotContainKey("directGrantFlow");
		assertThat(maps(imported, "authenticationFlows")).extracting((flow) -> flow.get("alias"))
			.doesNotContain(realm.get("directGrantFlow"));
		assertThat(maps(imported, "clients"))
			.allSatisfy((client) -> assertThat(client).containsEntry("directAccessGrantsEnabled", false));
		// the browser flow asks every staff member for the authenticator code
		String browserFlow = text(imported, "browserFlow");
		assertThat(maps(imported, "authenticationFlows")).as(overlay + ": the password and OTP forms are required")
			.flatExtracting((flow) -> maps(flow, "authenticationExecutions"))
			.filteredOn((execution) -> "REQUIRED".equals(execution.get("requirement")))
			.extracting((execution) -> execution.get("authenticator"))
			.contains("auth-username-password-form", "auth-otp-form");
		assertThat(maps(imported, "authenticationFlows")).extracting((flow) -> flow.get("alias")).contains(browserFlow);

		// secrets from carefin-keycloak-clients; redirects to the overlay's public URL
		Map<String, String> placeholders = Map.of("carefin-gateway", "GATEWAY_CLIENT_SECRET", "carefin-portal",
				"PORTAL_CLIENT_SECRET");
		Map<String, Object> declared = map(realmImport, "spec", "placeholders");
		placeholders.forEach((clientId, placeholder) -> assertThat(map(declared, placeholder, "secret"))
			.isEqualTo(Map.of("name", "carefin-keycloak-clients", "key", clientId)));
		String publicUrl = text(named(overlay, "ConfigMap", "carefin-trust"), "data",
				"CAREFIN_SECURITY_ISSUERS_0_ISSUERURI");
		Map<String, Map<String, Object>> importedClients = new LinkedHashMap<>();
		maps(imported, "clients").forEach((client) -> importedClients.put(text(client, "clientId"), client));
		assertThat(importedClients).containsOnlyKeys(placeholders.keySet());
		assertThat(list(importedClients.get("carefin-gateway"), "redirectUris")).containsExactly(publicUrl + "/*");
		assertThat(list(importedClients.get("carefin-portal"), "redirectUris"))
			.containsExactly(publicUrl + "/login/oauth2/code/keycloak");
		assertThat(map(importedClients.get("carefin-portal"), "attributes")).containsEntry("post.logout.redirect.uris",
				publicUrl + "/staff/*");

		// everything else is the file's realm, field by field (OTP policy and flows too)
		Map<String, Object> expected = new LinkedHashMap<>(realm);
		expected.remove("users");
		expected.remove("directGrantFlow");
		expected.put("authenticationFlows",
				maps(realm, "authenticationFlows").stream()
					.filter((flow) -> !flow.get("alias").equals(realm.get("directGrantFlow")))
					.toList());
		List<Map<String, Object>> expectedClients = new ArrayList<>();
		for (Map<String, Object> fileClient : maps(realm, "clients")) {
			Map<String, Object> client = new LinkedHashMap<>(fileClient);
			String clientId = text(client, "clientId");
			Map<String, Object> importedClient = importedClients.get(clientId);
			client.put("secret", "${" + placeholders.get(clientId) + "}");
			client.put("directAccessGrantsEnabled", false);
			client.put("redirectUris", importedClient.get("redirectUris"));
			Map<String, Object> attributes = new LinkedHashMap<>(map(client, "attributes"));
			if (attributes.containsKey("post.logout.redirect.uris")) {
				attributes.put("post.logout.redirect.uris",
						map(importedClient, "attributes").get("post.logout.redirect.uris"));
			}
			client.put("attributes", attributes);
			expectedClients.add(client);
		}
		expected.put("clients", expectedClients);
		assertThat(imported).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "staging", "production" })
	void thePortalSignsStaffInAtThePublicRealmAndReachesItInsideTheCluster(String overlay) {
		Map<String, Object> deployment = named(overlay, "Deployment", "portal");
		Map<String, Object> container = maps(deployment, "spec", "template", "spec", "containers").get(0);
		Map<String, Object> trust = map(named(overlay, "ConfigMap", "carefin-trust"), "data");
		Map<String, Object> settings = new LinkedHashMap<>();
		for (Map<String, Object> source : maps(container, "envFrom")) {
			settings.putAll(map(named(overlay, "ConfigMap", text(source, "configMapRef", "name")), "data"));
		}
		environment(container).forEach((variable, value) -> {
			if (value != null) {
				settings.put(variable, value);
			}
		});
		// the issuer the staff tokens name, which the gateway and services trust
		assertThat(settings).as(overlay + " portal's staff sign-in")
			.containsEntry("CAREFIN_PORTAL_STAFF_ISSUERURI", trust.get("CAREFIN_SECURITY_ISSUERS_1_ISSUERURI"))
			.containsEntry("CAREFIN_PORTAL_STAFF_BACKCHANNELURI",
					"http://carefin-keycloak-service:8080/realms/carefin-staff")
			.containsEntry("CAREFIN_PORTAL_STAFF_PUBLICURI", trust.get("CAREFIN_SECURITY_ISSUERS_0_ISSUERURI"))
			.doesNotContainKey("CAREFIN_PORTAL_STAFF_CLIENTSECRET");
		assertThat(maps(container, "env")).as(overlay + " portal's client secret")
			.anySatisfy((variable) -> assertThat(variable).containsEntry("name", "CAREFIN_PORTAL_STAFF_CLIENTSECRET")
				.containsEntry("valueFrom",
						Map.of("secretKeyRef", Map.of("name", "carefin-keycloak-clients", "key", "carefin-portal"))));
		// auth.maintenance: the brokers; the realm's tokens and keys: Keycloak's pods
		assertThat(settings).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
		List<Map<String, Object>> egress = maps(named(overlay, "NetworkPolicy", "portal"), "spec", "egress");
		assertThat(egress).as(overlay + " portal reaches Kafka")
			.anySatisfy((rule) -> assertThat(rule).isEqualTo(Map.of("to",
					List.of(Map.of("podSelector",
							Map.of("matchLabels", Map.of("strimzi.io/cluster", "carefin-kafka")))),
					"ports", List.of(Map.of("port", 9092)))));
		assertThat(egress).as(overlay + " portal reaches Keycloak")
			.anySatisfy((rule) -> assertThat(rule).isEqualTo(
					Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "keycloak")))),
							"ports", List.of(Map.of("port", 8080)))));
	}

	@Test
	void theLocalSmsSandboxAnswersAsLocalModes() {
		assertThat(Manifests.read(Manifests.K8S.resolve("overlays/local/sms-sandbox/twilio-messages.json")))
			.isEqualTo(Manifests
				.read(Manifests.REPOSITORY.resolve("notification-service/sms-sandbox/mappings/twilio-messages.json")));
	}

	private static Set<String> referencedSecrets(String overlay) {
		Set<String> referenced = new TreeSet<>();
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			Map<String, Object> pod = map(deployment, "spec", "template", "spec");
			for (Map<String, Object> container : maps(pod, "containers")) {
				maps(container, "envFrom").stream()
					.filter((source) -> source.containsKey("secretRef"))
					.forEach((source) -> referenced.add(text(source, "secretRef", "name")));
				maps(container, "env").stream()
					.map((variable) -> text(variable, "valueFrom", "secretKeyRef", "name"))
					.filter((secret) -> secret != null)
					.forEach(referenced::add);
			}
		}
		for (Map<String, Object> cluster : ofKind(overlay, "Cluster")) {
			Object credentials = at(cluster, "spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyId",
					"name");
			if (credentials != null) {
				referenced.add((String) credentials);
			}
		}
		ofKind(overlay, "KeycloakRealmImport").forEach((realm) -> map(realm, "spec", "placeholders").values()
			.forEach((placeholder) -> referenced.add(text(placeholder, "secret", "name"))));
		return referenced;
	}

	/**
	 * The Secret keys, as {@code <secret>/<key>}, that a pod, a database's backup or the
	 * realm import reads.
	 */
	private static Set<String> referencedSecretKeys(String overlay) {
		Set<String> referenced = new TreeSet<>();
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			for (Map<String, Object> container : maps(deployment, "spec", "template", "spec", "containers")) {
				for (Map<String, Object> variable : maps(container, "env")) {
					Map<String, Object> reference = map(variable, "valueFrom", "secretKeyRef");
					if (!reference.isEmpty()) {
						referenced.add(text(reference, "name") + "/" + text(reference, "key"));
					}
				}
			}
		}
		for (Map<String, Object> cluster : ofKind(overlay, "Cluster")) {
			map(cluster, "spec", "backup", "barmanObjectStore", "s3Credentials").values()
				.forEach((reference) -> referenced.add(text(reference, "name") + "/" + text(reference, "key")));
		}
		ofKind(overlay, "KeycloakRealmImport").forEach((realm) -> map(realm, "spec", "placeholders").values()
			.forEach((placeholder) -> referenced
				.add(text(placeholder, "secret", "name") + "/" + text(placeholder, "secret", "key"))));
		assertThat(referenced).as(overlay + ": Secret keys found").isNotEmpty();
		return referenced;
	}

	/**
	 * The keys of the Secret {@code <cluster>-app} CloudNativePG makes for each database.
	 */
	private static Set<String> databaseSecretKeys(String overlay) {
		Set<String> keys = new TreeSet<>();
		ofKind(overlay, "Cluster")
			.forEach((cluster) -> List.of("username", "password", "uri", "jdbc-uri", "host", "port", "dbname", "pgpass")
				.forEach((key) -> keys.add(name(cluster) + "-app/" + key)));
		return keys;
	}

	private static Map<String, String> environment(Map<String, Object> container) {
		Map<String, String> environment = new LinkedHashMap<>();
		maps(container, "env").forEach((variable) -> environment.put(text(variable, "name"), text(variable, "value")));
		return environment;
	}

	/**
	 * The topics reporting-service's rebuild replays from their beginning (ADR 0010), as
	 * its {@code Rebuild.TOPICS} names them.
	 */
	static Set<String> replayedTopics() {
		Map<String, String> topicOfFamily = new LinkedHashMap<>();
		Topics.FAMILIES.forEach((topic, family) -> topicOfFamily.put(family.getSimpleName(), topic));
		String rebuild = Manifests.read(Manifests.REPOSITORY
			.resolve("reporting-service/src/main/java/io/carefin/reporting/rebuild/Rebuild.java"));
		Matcher list = REBUILD_TOPICS.matcher(rebuild);
		assertThat(list.find()).as("Rebuild.TOPICS").isTrue();
		Set<String> topics = new TreeSet<>();
		Matcher family = Pattern.compile("(\\w+)\\.TOPIC").matcher(list.group(1));
		while (family.find()) {
			topics.add(topicOfFamily.get(family.group(1)));
		}
		return topics;
	}

	/**
	 * The topics each service's {@code @KafkaListener}s read, found in its sources: a
	 * listener names its topic as {@code <EventFamily>.TOPIC}.
	 */
	static Map<String, List<String>> consumedTopics() {
		Map<String, String> topicOfFamily = new LinkedHashMap<>();
		Topics.FAMILIES.forEach((topic, family) -> topicOfFamily.put(family.getSimpleName(), topic));
		Map<String, List<String>> consumed = new LinkedHashMap<>();
		for (String service : PORTS.keySet()) {
			Path sources = Manifests.REPOSITORY.resolve(service).resolve("src/main/java");
			Set<String> topics = new TreeSet<>();
			for (Path source : Manifests.javaSources(sources)) {
				Matcher listener = LISTENER.matcher(Manifests.read(source));
				while (listener.find()) {
					String topic = topicOfFamily.get(listener.group(1));
					assertThat(topic).as("the topic of " + listener.group(1) + " in " + source).isNotNull();
					topics.add(topic);
				}
			}
			if (!topics.isEmpty()) {
				consumed.put(service, List.copyOf(topics));
			}
		}
		return consumed;
	}

}
