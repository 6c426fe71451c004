package io.carefin.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;

/**
 * Starts CareFin on one machine: PostgreSQL, Kafka, GreenMail, the SMS sandbox, Redis
 * (when installed), Keycloak, the six services and the portal; waits for each to be
 * healthy; prints where everything listens, the portal's address first, and who can sign
 * in; restarts a part that dies (with back-off, ADR 0020); stops everything on Ctrl-C.
 * <p>
 * Usage: {@code LocalPlatform [start] [--fresh]} or {@code LocalPlatform stop}.
 */
public final class LocalPlatform {

	static final int POSTGRES_PORT = 15432;

	static final int KAFKA_PORT = 9092;

	static final int KAFKA_CONTROLLER_PORT = 9093;

	static final int SMTP_PORT = 3025;

	static final int MAIL_API_PORT = 8025;

	static final int SMS_SANDBOX_PORT = 8090;

	static final int REDIS_PORT = 16379;

	static final int KEYCLOAK_PORT = 8180;

	static final int KEYCLOAK_MANAGEMENT_PORT = 9000;

	static final int ZIPKIN_PORT = 9411;

	private static final Duration READY_WITHIN = Duration.ofMinutes(6);

	/** Where a browser opens CareFin: the gateway, which routes pages to the portal. */
	static final String PORTAL_ADDRESS = "http://localhost:8080/";

	private static final List<Service> SERVICES = List.of(new Service("auth-service", 8081, "auth"),
			new Service("transaction-service", 8082, "transaction"), new Service("account-service", 8083, "account"),
			new Service("reporting-service", 8084, "reporting"),
			new Service("notification-service", 8085, "notification"), new Service("portal", 8086, "portal"),
			new Service("gateway", 8080, null));

	private final Layout layout;

	private final String javaCommand;

	private final List<Child> children = new CopyOnWriteArrayList<>();

	private @Nullable Postgres postgres;

	/**
	 * Set first thing when the platform stops, so that no part is restarted meanwhile.
	 */
	private volatile boolean stopping;

	private LocalPlatform(Layout layout, String javaCommand) {
		this.layout = layout;
		this.javaCommand = javaCommand;
	}

	public static void main(String[] args) throws Exception {
		Layout layout = Layout.of(Path.of(System.getProperty("carefin.root", ".")),
				System.getenv("CAREFIN_LOCAL_HOME"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> arguments = List.of(args);
		if (arguments.contains("stop")) {
			System.exit(Stopper.stop(layout) ? 0 : 1);
		}
		LocalPlatform platform = new LocalPlatform(layout, java);
		try {
			System.exit(platform.run(arguments.contains("--fresh")));
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			// a part that did not come up: say which and where its log is, then stop the
			// rest
			System.err.println("CareFin could not start: " + ex.getMessage());
			System.exit(1);
		}
	}

	private int run(boolean fresh) throws Exception {
		Path launcherPid = this.layout.launcherPid();
		if (Files.exists(launcherPid)) {
			long pid = Long.parseLong(Files.readString(launcherPid).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				System.err.printf("CareFin is already running (process %d). Stop it with: deploy/local/run.sh stop%n",
						pid);
				return 2;
			}
		}
		boolean redis = onPath("redis-server");
		String busy = busyPorts(redis);
		if (busy != null) {
			System.err.println(busy);
			return 2;
		}
		if (fresh) {
			Stopper.deleteRecursively(this.layout.home());
			Stopper.deleteRecursively(keycloakHome().resolve("data/h2"));
			System.out.println("--fresh: started from empty databases and topics");
		}
		Files.createDirectories(this.layout.home());
		Files.writeString(launcherPid, Long.toString(ProcessHandle.current().pid()));
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "carefin-stop"));
		Instant started = Instant.now();

		step("PostgreSQL 17 on " + POSTGRES_PORT);
		this.postgres = Postgres.start(this.layout.data("postgres"), POSTGRES_PORT);
		this.postgres.createDatabases(SERVICES.stream().map(Service::database).filter((db) -> db != null).toList());

		step("Kafka broker (KRaft) on " + KAFKA_PORT);
		startKafka();
		step("GreenMail (SMTP " + SMTP_PORT + ", inbox API " + MAIL_API_PORT + ") and the SMS sandbox on "
				+ SMS_SANDBOX_PORT);
		startGreenMail();
		startSmsSandbox();
		step("Zipkin on " + ZIPKIN_PORT + " for traces");
		startZipkin();
		if (redis) {
			step("Redis on " + REDIS_PORT + " for the gateway's rate limits");
			start("redis", List.of("redis-server", "--port", Integer.toString(REDIS_PORT), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no"), Map.of(), this.layout.home());
		}
		step("Keycloak on " + KEYCLOAK_PORT);
		startKeycloak();

		awaitAll(Map.of("kafka", this::kafkaUp, "greenmail", () -> Health.up(mailApi() + "/api/service/readiness"),
				"sms-sandbox", () -> Health.up(smsSandbox() + "/__admin/health")), started);
		if (redis) {
			awaitAll(Map.of("redis", () -> Health.listening(REDIS_PORT)), started);
		}

		step("the six services and the portal");
		Secrets secrets = Secrets.load(this.layout.home().resolve("secrets.properties"));
		Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
		for (Service service : SERVICES) {
			startService(service, secrets, redis);
			checks.put(service.module(), () -> Health.up(service.url() + "/actuator/health/readiness"));
		}
		checks.put("keycloak", () -> Health.up("http://127.0.0.1:" + KEYCLOAK_MANAGEMENT_PORT + "/health/ready"));
		// awaited with the services, not before them: it starts slowest, and only
		// start-up spans miss it
		checks.put("zipkin", () -> Health.up(zipkin() + "/health"));
		awaitAll(checks, started);

		Duration ready = Duration.between(started, Instant.now());
		printSummary(ready, redis);
		try {
			System.out.println(new DemoActivity("http://127.0.0.1:8080")
				.createOnce(this.layout.home().resolve("demo-activity.done")));
		}
		catch (RuntimeException | IOException ex) {
			System.out
				.println("Demo activity could not be created (" + ex.getMessage() + "); the platform runs without it.");
		}
		// what the end-to-end suite reads: time to ready and the resident memory of every
		// part
		System.out.println("CAREFIN-READY seconds=" + ready.toSeconds() + " rss-bytes="
				+ ResidentMemory.ofProcessTree(ProcessHandle.current()));
		// from now on a part that dies is restarted, until Ctrl-C or run.sh stop
		new Supervisor(this.children, () -> this.stopping, System.out).watch();
		return 0;
	}

	private void startKafka() throws IOException {
		Path logDirectory = this.layout.data("kafka");
		Path config = this.layout.home().resolve("kafka.properties");
		Files.writeString(config, """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				log.dirs=%3$s
				num.partitions=6
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(KAFKA_PORT, KAFKA_CONTROLLER_PORT, logDirectory));
		String classpath = this.layout.launcherClasspath() + "/*";
		List<String> jvm = List.of(this.javaCommand, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
				"-Dlogback.configurationFile=" + this.layout.kafkaLogging(), "-cp", classpath);
		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			List<String> format = new ArrayList<>(jvm);
			format.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted", "--cluster-id",
					org.apache.kafka.common.Uuid.randomUuid().toString(), "--config", config.toString()));
			Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.layout.logs().resolve("kafka.log").toFile()))
				.start();
			try {
				if (formatting.waitFor() != 0) {
					throw new IllegalStateException(
							"Could not format Kafka's storage; see " + this.layout.logs().resolve("kafka.log"));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		List<String> broker = new ArrayList<>(jvm);
		broker.addAll(List.of("kafka.Kafka", config.toString()));
		start("kafka", broker, Map.of(), this.layout.home());
	}

	private boolean kafkaUp() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA_PORT);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
		try (Admin admin = Admin.create(properties)) {
			return !admin.describeCluster().nodes().get().isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private void startGreenMail() {
		start("greenmail",
				List.of(this.javaCommand, "-Xms16m", "-Xmx96m", "-XX:+UseSerialGC", "-Dgreenmail.setup.test.smtp",
						"-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.auth.disabled",
						"-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + MAIL_API_PORT, "-jar",
						this.layout.tools().resolve("greenmail-standalone.jar").toString()),
				Map.of(), this.layout.home());
	}

	private void startSmsSandbox() {
		start("sms-sandbox",
				List.of(this.javaCommand, "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-jar",
						this.layout.tools().resolve("wiremock-standalone.jar").toString(), "--port",
						Integer.toString(SMS_SANDBOX_PORT), "--bind-address", "127.0.0.1", "--root-dir",
						this.layout.root().resolve("notification-service/sms-sandbox").toString(),
						"--global-response-templating", "--disable-banner", "--max-request-journal-entries", "1000"),
				Map.of(), this.layout.home());
	}

	private void startZipkin() {
		start("zipkin",
				List.of(this.javaCommand, "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-jar",
						this.layout.tools().resolve("zipkin-server-exec.jar").toString(), "--server.address=127.0.0.1",
						"--server.port=" + ZIPKIN_PORT, "--logging.level.root=WARN"),
				Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "100000"), this.layout.home());
	}

	private static String zipkin() {
		return "http://127.0.0.1:" + ZIPKIN_PORT;
	}

	private void startKeycloak() throws IOException {
		Path home = keycloakHome();
		Path imports = Files.createDirectories(home.resolve("data/import"));
		Files.copy(this.layout.root().resolve("deploy/keycloak/carefin-staff-realm.json"),
				imports.resolve("carefin-staff-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Map<String, String> environment = Map.of("JAVA_HOME",
				Path.of(this.javaCommand).getParent().getParent().toString(), "JAVA_OPTS_KC_HEAP",
				"-Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m", "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
				"KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
		start("keycloak",
				List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm", "--http-host=127.0.0.1",
						"--http-port=" + KEYCLOAK_PORT, "--hostname=http://localhost:" + KEYCLOAK_PORT,
						"--health-enabled=true", "--http-management-port=" + KEYCLOAK_MANAGEMENT_PORT),
				environment, home);
	}

	private Path keycloakHome() {
		Properties build = new Properties();
		try (InputStream in = LocalPlatform.class.getResourceAsStream("/carefin-local.properties")) {
			build.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.layout.keycloakHome(build.getProperty("keycloak.version"));
	}

	private void startService(Service service, Secrets secrets, boolean redis) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(service.port()));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + KAFKA_PORT);
		environment.put("SPRING_PROFILES_ACTIVE", "demo");
		// every request traced, and its spans shown in the local Zipkin
		environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
		environment.put("CAREFIN_TRACING_ZIPKINENDPOINT", zipkin() + "/api/v2/spans");
		if (service.database() != null) {
			environment.put("SPRING_DATASOURCE_URL",
					"jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + service.database());
			environment.put("SPRING_DATASOURCE_USERNAME", service.database());
			environment.put("SPRING_DATASOURCE_PASSWORD", service.database());
		}
		environment.putAll(secrets.environment());
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", Integer.toString(SMTP_PORT));
		environment.put("CAREFIN_NOTIFICATION_SMS_BASEURL", smsSandbox());
		// the sandbox takes any account: these are not credentials of any real provider
		environment.put("CAREFIN_NOTIFICATION_SMS_ACCOUNT_SID", "AC00000000000000000000000000local");
		environment.put("CAREFIN_NOTIFICATION_SMS_AUTH_TOKEN", "local-sms-sandbox");
		environment.put("CAREFIN_NOTIFICATION_PORTAL_URL", "http://localhost:8080");
		// plain HTTP on localhost: the session cookie cannot be Secure, nor so __Host-
		// prefixed
		environment.put("SERVER_SERVLET_SESSION_COOKIE_SECURE", "false");
		environment.put("SERVER_SERVLET_SESSION_COOKIE_NAME", "carefin-session");
		environment.put("CAREFIN_PORTAL_GATEWAY_URI", "http://127.0.0.1:8080");
		// the portal calls the gateway from this machine (IPv4 or IPv6 loopback), naming
		// the
		// browser in X-Forwarded-For, so that sign-in budgets count per browser, not per
		// portal
		environment.put("CAREFIN_GATEWAY_RATELIMITS_TRUSTEDPROXIES",
				System.getenv().getOrDefault("CAREFIN_GATEWAY_RATELIMITS_TRUSTEDPROXIES", "127.0.0.1,::1"));
		if (redis) {
			environment.put("REDIS_URL", "redis://127.0.0.1:" + REDIS_PORT);
		}
		List<String> command = new ArrayList<>();
		command.add(this.javaCommand);
		command.addAll(serviceJvmOptions());
		command.addAll(List.of("-jar", this.layout.serviceJar(service.module()).toString()));
		start(service.module(), command, environment, this.layout.home());
	}

	/**
	 * The services' JVM options: small heaps and C1 only, so that the whole platform fits
	 * a laptop and starts quickly, unless {@code CAREFIN_LOCAL_SERVICE_JVM_OPTIONS} gives
	 * others (the gateway benchmark runs the services as production would, with the JIT's
	 * C2).
	 */
	private static List<String> serviceJvmOptions() {
		String options = System.getenv("CAREFIN_LOCAL_SERVICE_JVM_OPTIONS");
		if (options != null && !options.isBlank()) {
			return List.of(options.trim().split("\\s+"));
		}
		return List.of("-Xms32m", "-Xmx224m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
				"-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=64m");
	}

	private void start(String name, List<String> command, Map<String, String> environment, Path directory) {
		this.children.add(Child.start(name, command, environment, directory, this.layout));
	}

	private void awaitAll(Map<String, BooleanSupplier> checks, Instant started) throws InterruptedException {
		Map<String, BooleanSupplier> waiting = new LinkedHashMap<>(checks);
		Instant lastReport = Instant.now();
		while (!waiting.isEmpty()) {
			waiting.entrySet().removeIf((check) -> check.getValue().getAsBoolean());
			for (Child child : this.children) {
				if (waiting.containsKey(child.name()) && !child.alive()) {
					throw new IllegalStateException(child.name() + " stopped (exit " + child.exitValue() + "); see "
							+ this.layout.logs().resolve(child.name() + ".log"));
				}
			}
			Duration elapsed = Duration.between(started, Instant.now());
			if (elapsed.compareTo(READY_WITHIN) > 0) {
				throw new IllegalStateException("Still not ready after " + READY_WITHIN.toMinutes() + " minutes: "
						+ waiting.keySet() + "; see the logs in " + this.layout.logs());
			}
			if (!waiting.isEmpty() && Duration.between(lastReport, Instant.now()).toSeconds() >= 5) {
				System.out.printf("  … %3d s, waiting for %s%n", elapsed.toSeconds(),
						String.join(", ", waiting.keySet()));
				lastReport = Instant.now();
			}
			if (!waiting.isEmpty()) {
				Thread.sleep(500);
			}
		}
	}

	private void printSummary(Duration ready, boolean redis) {
		long rss = ResidentMemory.ofProcessTree(ProcessHandle.current());
		System.out.printf(
				"""

						CareFin is running (ready in %d s, resident memory %d MiB). Ctrl-C or deploy/local/run.sh stop ends it.

						  Portal (open in a browser) %s
						  Staff console              http://localhost:8080/staff
						  Gateway (the public API)   http://localhost:8080/api/...
						  auth-service               http://localhost:8081   transaction-service  http://localhost:8082
						  account-service            http://localhost:8083   reporting-service    http://localhost:8084
						  notification-service       http://localhost:8085   portal               http://localhost:8086
						  Keycloak (staff sign-in)   http://localhost:%d/realms/carefin-staff   (admin console: admin / admin)
						  PostgreSQL                 jdbc:postgresql://127.0.0.1:%d/<service>  (user and password = the database name)
						  Kafka                      127.0.0.1:%d
						  Mail inbox (GreenMail)     %s/api/user/<address>/messages/INBOX   (SMTP 127.0.0.1:%d)
						  SMS sandbox (WireMock)     %s/__admin/requests
						  Traces (Zipkin)            http://localhost:%d/zipkin/   (a trace id is on every log line of its request)
						  Redis                      %s
						  Logs and data              %s

						Practice users (user ID / password; codes arrive in the mail inbox or the SMS sandbox):
						  Bright Smiles Dental       demo.admin / Smile-Brightly-2026       practice admin, no second factor
						                             demo.user / Cheerful-Molars-2026       no second factor
						                             demo.sms / Sunny-Texts-2026            SMS code to +15555550101
						                             demo.email / Morning-Mail-2026         e-mail code to billing@brightsmiles.example
						  Lakeside Family Clinic     lakeside.admin / Lakeside-Harbor-2026  practice admin, no second factor
						                             lakeside.user / Quiet-Lakeshore-2026   no second factor
						                             lakeside.sms / Sunny-Texts-2026        SMS code to +15555550102
						                             lakeside.email / Morning-Mail-2026     e-mail code to office@lakesideclinic.example
						Staff users (the console at /staff signs in through Keycloak: a password, then an authenticator code
						from the secret, e.g. oathtool --totp -b <secret>):
						  support.agent / Support-Demo-2026!   SUPPORT     MNQXEZLGNFXC243VOBYG64TUFVSGK3LP
						  ops.admin / OpsAdmin-Demo-2026!      OPS_ADMIN   MNQXEZLGNFXC233QOMWWIZLNN4WWWZLZ
						  auditor / Auditor-Demo-2026!         AUDITOR     MNQXEZLGNFXC2YLVMRUXILLEMVWW6LLL
						Scripts get staff tokens by the password grant, kept in local mode only (client carefin-gateway,
						secret carefin-gateway-dev-secret; see deploy/keycloak/README.md).
						""",
				ready.toSeconds(), rss / (1024 * 1024), PORTAL_ADDRESS, KEYCLOAK_PORT, POSTGRES_PORT, KAFKA_PORT,
				mailApi(), SMTP_PORT, smsSandbox(), ZIPKIN_PORT,
				redis ? "127.0.0.1:" + REDIS_PORT : "not installed: rate limits count in memory", this.layout.home());
	}

	private void stopAll() {
		this.stopping = true;
		System.out.println("Stopping CareFin…");
		List<Child> reversed = new ArrayList<>(this.children);
		java.util.Collections.reverse(reversed);
		reversed.parallelStream().forEach((child) -> child.stop(Duration.ofSeconds(20)));
		if (this.postgres != null) {
			this.postgres.close();
		}
		try {
			Files.deleteIfExists(this.layout.launcherPid());
		}
		catch (IOException ex) {
			// nothing left to do
		}
		System.out.println("Stopped.");
	}

	private @Nullable String busyPorts(boolean redis) {
		Map<Integer, String> ports = new LinkedHashMap<>();
		SERVICES.forEach((service) -> ports.put(service.port(), service.module()));
		ports.put(POSTGRES_PORT, "PostgreSQL");
		ports.put(KAFKA_PORT, "Kafka");
		ports.put(KAFKA_CONTROLLER_PORT, "Kafka's controller");
		ports.put(SMTP_PORT, "GreenMail SMTP");
		ports.put(MAIL_API_PORT, "GreenMail's inbox API");
		ports.put(SMS_SANDBOX_PORT, "the SMS sandbox");
		ports.put(KEYCLOAK_PORT, "Keycloak");
		ports.put(KEYCLOAK_MANAGEMENT_PORT, "Keycloak's health endpoint");
		ports.put(ZIPKIN_PORT, "Zipkin");
		if (redis) {
			ports.put(REDIS_PORT, "Redis");
		}
		List<String> taken = ports.entrySet()
			.stream()
			.filter((port) -> !Health.portFree(port.getKey()))
			.map((port) -> port.getKey() + " (" + port.getValue() + ")")
			.toList();
		if (taken.isEmpty()) {
			return null;
		}
		return "CareFin cannot start: port" + ((taken.size() > 1) ? "s " : " ") + String.join(", ", taken)
				+ ((taken.size() > 1) ? " are" : " is") + " already in use by another program.\n"
				+ "If an earlier CareFin is still running, stop it with: deploy/local/run.sh stop\n"
				+ "Otherwise stop the program using the port (see: ss -ltnp) and run again.";
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(java.io.File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, program)));
	}

	private static void step(String what) {
		System.out.println("Starting " + what + "…");
	}

	static String mailApi() {
		return "http://localhost:" + MAIL_API_PORT;
	}

	static String smsSandbox() {
		return "http://localhost:" + SMS_SANDBOX_PORT;
	}

	private record Service(String module, int port, @Nullable String database) {

		String url() {
			return "http://127.0.0.1:" + this.port;
		}

	}

	/**
	 * Keys the services require, made once per data directory and kept beside the data
	 * they protect.
	 */
	private record Secrets(Map<String, String> environment) {

		private static final List<String> KEYS = List.of("CAREFIN_AUTH_KEY_ENCRYPTION_KEY",
				"CAREFIN_ACCOUNT_NUMBERS_LOOKUP_KEY", "CAREFIN_TRANSACTION_ENCRYPTION_KEY",
				"CAREFIN_ACCOUNTS_PROFILE_KEY");

		static Secrets load(Path file) throws IOException {
			Properties stored = new Properties();
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
			}
			SecureRandom random = new SecureRandom();
			boolean changed = false;
			for (String key : KEYS) {
				if (!stored.containsKey(key)) {
					byte[] bytes = new byte[32];
					random.nextBytes(bytes);
					stored.setProperty(key, Base64.getEncoder().encodeToString(bytes));
					changed = true;
				}
			}
			if (changed) {
				try (var out = Files.newOutputStream(file)) {
					stored.store(out, "Keys of this local CareFin's data; generated, never commit them");
				}
			}
			Map<String, String> environment = new LinkedHashMap<>();
			KEYS.forEach((key) -> environment.put(key, stored.getProperty(key)));
			return new Secrets(environment);
		}

	}

	/**
	 * Removes what a stopped or crashed platform left behind.
	 */
	static final class Stopper {

		private Stopper() {
		}

		static boolean stop(Layout layout) throws Exception {
			boolean found = false;
			Path launcherPid = layout.launcherPid();
			if (Files.exists(launcherPid)) {
				long pid = Long.parseLong(Files.readString(launcherPid).trim());
				var launcher = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
				if (launcher.isPresent()) {
					found = true;
					System.out.println("Stopping CareFin (process " + pid + ")…");
					launcher.get().destroy();
					launcher.get().onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
				}
				Files.deleteIfExists(launcherPid);
			}
			Path pids = layout.home().resolve("pids");
			if (Files.isDirectory(pids)) {
				try (Stream<Path> files = Files.list(pids)) {
					for (Path file : files.toList()) {
						long pid = Long.parseLong(Files.readString(file).trim());
						var left = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
						if (left.isPresent()) {
							found = true;
							left.get().descendants().forEach(ProcessHandle::destroyForcibly);
							left.get().destroyForcibly();
						}
						Files.deleteIfExists(file);
					}
				}
			}
			Path postmaster = layout.home().resolve("postgres/postmaster.pid");
			if (Files.exists(postmaster)) {
				long pid = Long.parseLong(Files.readAllLines(postmaster).getFirst().trim());
				ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
			}
			System.out.println(found ? "Stopped." : "CareFin was not running.");
			return true;
		}

		static void deleteRecursively(Path directory) throws IOException {
			if (!Files.exists(directory)) {
				return;
			}
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}

	}

}
