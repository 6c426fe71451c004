package io.carefin.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Checks a rendered object against its schema. Kubernetes' own kinds are read into
 * fabric8's model of the API: a field the API does not have (a typo, a field at the wrong
 * level) lands in the model's "additional properties" and is reported, a value of the
 * wrong type fails to read. The operators' kinds are checked against the fields their
 * custom resource definitions declare at the levels CareFin uses (docs/deployment.md
 * names the operator versions).
 */
final class KubernetesModel {

	private static final ObjectMapper json = new ObjectMapper();

	private record Type(String apiVersion, Class<?> model) {
	}

	private static final Map<String, Type> BUILT_IN = Map.of("Deployment", new Type("apps/v1", Deployment.class),
			"Service", new Type("v1", Service.class), "ServiceAccount", new Type("v1", ServiceAccount.class),
			"ConfigMap", new Type("v1", ConfigMap.class), "Secret", new Type("v1", Secret.class), "Namespace",
			new Type("v1", Namespace.class), "HorizontalPodAutoscaler",
			new Type("autoscaling/v2", HorizontalPodAutoscaler.class), "PodDisruptionBudget",
			new Type("policy/v1", PodDisruptionBudget.class), "NetworkPolicy",
			new Type("networking.k8s.io/v1", NetworkPolicy.class), "Ingress",
			new Type("networking.k8s.io/v1", Ingress.class));

	/**
	 * The operators' kinds: their API version, and the fields of each object path that
	 * the definitions declare (only the paths CareFin's manifests fill).
	 */
	private record CustomKind(String apiVersion, Map<String, Set<String>> fields) {
	}

	private static final Map<String, CustomKind> OPERATORS = Map.of(
			// Strimzi 0.46+ (KRaft only)
			"Kafka",
			new CustomKind("kafka.strimzi.io/v1beta2", Map.of("spec",
					Set.of("kafka", "entityOperator", "cruiseControl", "kafkaExporter", "clusterCa", "clientsCa",
							"maintenanceTimeWindows"),
					"spec.kafka",
					Set.of("version", "metadataVersion", "listeners", "config", "rack", "authorization", "resources",
							"jvmOptions", "template", "logging", "metricsConfig", "quotas"),
					"spec.kafka.listeners[]",
					Set.of("name", "port", "type", "tls", "authentication", "configuration", "networkPolicyPeers"),
					"spec.entityOperator", Set.of("topicOperator", "userOperator", "template"))),
			"KafkaNodePool",
			new CustomKind("kafka.strimzi.io/v1beta2",
					Map.of("spec", Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template"),
							"spec.storage", Set.of("type", "volumes"), "spec.storage.volumes[]",
							Set.of("id", "type", "size", "class", "deleteClaim", "kraftMetadata", "sizeLimit"))),
			"KafkaTopic",
			new CustomKind("kafka.strimzi.io/v1beta2",
					Map.of("spec", Set.of("topicName", "partitions", "replicas", "config"))),
			// CloudNativePG 1.25+
			"Cluster",
			new CustomKind("postgresql.cnpg.io/v1",
					Map.of("spec",
							Set.of("instances", "imageName", "primaryUpdateStrategy", "bootstrap", "postgresql",
									"storage", "resources", "monitoring", "backup", "affinity", "walStorage",
									"enableSuperuserAccess", "plugins"),
							"spec.bootstrap", Set.of("initdb", "recovery", "pg_basebackup"), "spec.bootstrap.initdb",
							Set.of("database", "owner", "secret", "encoding", "localeCollate", "localeCType"),
							"spec.storage", Set.of("size", "storageClass", "pvcTemplate"), "spec.backup",
							Set.of("retentionPolicy", "barmanObjectStore", "target", "volumeSnapshot"),
							"spec.backup.barmanObjectStore",
							Set.of("destinationPath", "endpointURL", "s3Credentials", "azureCredentials",
									"googleCredentials", "wal", "data", "serverName"))),
			"ScheduledBackup",
			new CustomKind("postgresql.cnpg.io/v1",
					Map.of("spec",
							Set.of("schedule", "backupOwnerReference", "cluster", "immediate", "suspend", "method",
									"target"))),
			// KEDA 2.12+
			"ScaledObject",
			new CustomKind("keda.sh/v1alpha1", Map.of("spec",
					Set.of("scaleTargetRef", "minReplicaCount", "maxReplicaCount", "pollingInterval", "cooldownPeriod",
							"idleReplicaCount", "advanced", "fallback", "triggers"),
					"spec.triggers[]",
					Set.of("type", "metadata", "metricType", "name", "authenticationRef", "useCachedMetrics"))),
			// Keycloak operator 26
			"Keycloak",
			new CustomKind("k8s.keycloak.org/v2alpha1",
					Map.of("spec",
							Set.of("instances", "db", "http", "hostname", "proxy", "ingress", "resources", "image",
									"additionalOptions", "features", "transaction", "bootstrapAdmin", "unsupported"),
							"spec.db",
							Set.of("vendor", "host", "port", "database", "usernameSecret", "passwordSecret", "schema",
									"url", "poolInitialSize", "poolMinSize", "poolMaxSize"),
							"spec.hostname", Set.of("hostname", "admin", "strict", "backchannelDynamic"), "spec.http",
							Set.of("httpEnabled", "httpPort", "httpsPort", "tlsSecret"))),
			"KeycloakRealmImport",
			new CustomKind("k8s.keycloak.org/v2alpha1",
					Map.of("spec", Set.of("keycloakCRName", "realm", "placeholders", "resources"))),
			// External Secrets Operator 0.17+
			"ExternalSecret",
			new CustomKind("external-secrets.io/v1",
					Map.of("spec", Set.of("refreshInterval", "secretStoreRef", "target", "data", "dataFrom"),
							"spec.data[]", Set.of("secretKey", "remoteRef", "sourceRef"))));

	/** Prometheus Operator 0.80+: the scrape and the alert rules. */
	private static final Map<String, CustomKind> MONITORING = Map.of("PodMonitor", new CustomKind(
			"monitoring.coreos.com/v1",
			Map.of("spec", Set.of("selector", "podMetricsEndpoints", "namespaceSelector", "jobLabel"),
					"spec.podMetricsEndpoints[]",
					Set.of("port", "path", "interval", "scrapeTimeout", "relabelings", "metricRelabelings", "scheme"))),
			"PrometheusRule",
			new CustomKind("monitoring.coreos.com/v1",
					Map.of("spec", Set.of("groups"), "spec.groups[]", Set.of("name", "interval", "rules"),
							"spec.groups[].rules[]",
							Set.of("record", "alert", "expr", "for", "labels", "annotations"))));

	private static final Map<String, CustomKind> CUSTOM = Stream.of(OPERATORS, MONITORING)
		.flatMap((kinds) -> kinds.entrySet().stream())
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

	private KubernetesModel() {
	}

	/**
	 * What is wrong with an object, one line per problem; empty when nothing is.
	 */
	static List<String> problems(Map<String, Object> object) {
		String kind = (String) object.get("kind");
		String apiVersion = (String) object.get("apiVersion");
		String where = kind + " " + Manifests.name(object);
		List<String> problems = new ArrayList<>();
		Type type = BUILT_IN.get(kind);
		CustomKind custom = CUSTOM.get(kind);
		if (type == null && custom == null) {
			return List.of(where + ": a kind the checks do not know");
		}
		String expectedVersion = (type != null) ? type.apiVersion() : custom.apiVersion();
		if (!expectedVersion.equals(apiVersion)) {
			problems.add(where + ": apiVersion " + apiVersion + ", expected " + expectedVersion);
		}
		if (type != null) {
			try {
				Object model = json.convertValue(object, type.model());
				unknownFields(model, kind, problems, where);
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + ": does not fit the Kubernetes API: " + ex.getMessage());
			}
		}
		else {
			custom.fields().forEach((path, allowed) -> {
				for (Object node : nodes(object, path)) {
					if (node instanceof Map<?, ?> fields) {
						fields.keySet()
							.stream()
							.filter((field) -> !allowed.contains(field))
							.forEach((field) -> problems.add(where + ": " + path + " has no field " + field));
					}
				}
			});
		}
		return problems;
	}

	/**
	 * The nodes at a dotted path, where {@code name[]} stands for each item of a list.
	 */
	private static List<Object> nodes(Object root, String path) {
		List<Object> current = List.of(root);
		for (String step : path.split("\\.")) {
			boolean each = step.endsWith("[]");
			String key = each ? step.substring(0, step.length() - 2) : step;
			List<Object> next = new ArrayList<>();
			for (Object node : current) {
				Object value = Manifests.at(node, key);
				if (each && value instanceof List<?> items) {
					next.addAll(items);
				}
				else if (!each && value != null) {
					next.add(value);
				}
			}
			current = next;
		}
		return current;
	}

	private static void unknownFields(Object model, String path, List<String> problems, String where) {
		if (model == null || !model.getClass().getName().startsWith("io.fabric8.")) {
			if (model instanceof Collection<?> items) {
				int index = 0;
				for (Object item : items) {
					unknownFields(item, path + "[" + index++ + "]", problems, where);
				}
			}
			else if (model instanceof Map<?, ?> map) {
				map.forEach((key, value) -> unknownFields(value, path + "." + key, problems, where));
			}
			return;
		}
		for (Method getter : model.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(model);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					problems.add(where + ": " + path + " has no field " + extra.keySet());
				}
			}
			else {
				String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
				unknownFields(value, path + "." + field, problems, where);
			}
		}
	}

}
