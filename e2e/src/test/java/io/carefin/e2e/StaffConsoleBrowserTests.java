package io.carefin.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff console in a real browser (Debian's Chromium) through the gateway of a
 * platform started with {@code deploy/local/run.sh}: support, ops and auditors sign in
 * through Keycloak with a password and an authenticator code, and do their jobs. Ops
 * enrol a practice whose administrator activates from the mailed link and makes a
 * purchase; support unlocks a locked user with a reason, after which the user signs in
 * through the portal; support reads a patient's account only after stating why, and the
 * auditor sees that read; ops turn maintenance mode on (the API answers 503 with
 * {@code Retry-After}, every page shows the message) and off. Every console page is
 * checked with axe-core; Keycloak's own pages are not ours and are not checked.
 */
@ExtendWith(LocalStack.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StaffConsoleBrowserTests {

	private static final String KEYCLOAK = "http://localhost:8180";

	private static final Pattern LINK = Pattern.compile("(http://localhost:8080/[a-z-]+\\?token=[A-Za-z0-9_\\-]+)");

	/**
	 * The demo staff users' passwords and authenticator secrets (README, local mode
	 * only).
	 */
	private static final Map<String, StaffMember> STAFF = Map.of("support.agent",
			new StaffMember("Support-Demo-2026!", "MNQXEZLGNFXC243VOBYG64TUFVSGK3LP"), "ops.admin",
			new StaffMember("OpsAdmin-Demo-2026!", "MNQXEZLGNFXC233QOMWWIZLNN4WWWZLZ"), "auditor",
			new StaffMember("Auditor-Demo-2026!", "MNQXEZLGNFXC2YLVMRUXILLEMVWW6LLL"));

	/**
	 * The last authenticator step each staff member signed in with: Keycloak refuses a
	 * code used once already, so a second sign-in in the same 30 seconds waits for the
	 * next.
	 */
	private static final Map<String, Long> lastStep = new ConcurrentHashMap<>();

	private static final Api client = new Api("198.51.100.150");

	private final List<BrowserContext> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(BrowserContext::close);
	}

	@Test
	void opsEnrolAPracticeWhoseAdministratorActivatesFromTheMailAndMakesAPurchase() {
		String suffix = suffix();
		String practiceName = "Harbor View Orthodontics " + suffix;
		String adminUserId = "harbor.admin." + suffix;
		String adminEmail = "admin-" + suffix + "@harborview.example";

		Page ops = signedInStaff("198.51.100.151", "ops.admin");
		ops.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Practices").setExact(true)).first().click();
		Browsers.assertAccessible(ops, "staff-practices");
		ops.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enrol a practice")).click();
		assertThat(ops).hasTitle("Enrol a practice – CareFin staff console");
		// nothing filled: every required field says what it needs, and nothing is
		// enrolled
		ops.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol the practice")).click();
		assertThat(ops.locator(".error-summary")).isVisible();
		Browsers.assertAccessible(ops, "staff-enrol-errors");
		ops.getByLabel("Practice name").fill(practiceName);
		ops.getByLabel("Merchant ID").fill("7" + digits(11));
		ops.getByLabel("Practice code").fill("HARBOR-" + suffix.toUpperCase());
		ops.getByLabel("Time zone").selectOption("America/Chicago");
		ops.getByLabel("Street address").fill("80 Pier Road");
		ops.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Duluth");
		ops.getByLabel("State", new Page.GetByLabelOptions().setExact(true)).fill("MN");
		ops.getByLabel("ZIP code").fill("55802");
		ops.getByLabel("Contact name").fill("Rosa Lind");
		ops.getByLabel("Contact e-mail").fill("office-" + suffix + "@harborview.example");
		ops.getByLabel("Contact phone").fill("+1 218 555 0142");
		ops.locator("#plan-DEFERRED_12").check();
		ops.locator("#plan-FIXED_24").check();
		ops.getByLabel("Administrator's user ID").fill(adminUserId);
		ops.getByLabel("Administrator's e-mail").fill(adminEmail);
		ops.getByLabel("Reason for the enrolment").fill("New merchant agreement signed");
		ops.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol the practice")).click();
		assertThat(ops.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(practiceName))).isVisible();
		Browsers.assertAccessible(ops, "staff-practice-enrolled");
		// ops' other pages, each read from its service through the gateway
		for (String[] page : new String[][] { { "Security report", "Security report" },
				{ "Dead letters", "Dead letters" }, { "Deliveries", "Notification deliveries" } }) {
			ops.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(page[0]).setExact(true)).first().click();
			assertThat(ops.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(page[1]).setLevel(1)))
				.isVisible();
			Browsers.assertAccessible(ops, "staff-" + page[0].toLowerCase().replace(' ', '-'));
		}

		// the first administrator activates from the mailed link, in a browser of their
		// own
		String link = linkIn(Mailbox.awaitMail(adminEmail, (text) -> text.contains("activate?token=")));
		Page admin = browser("198.51.100.152");
		admin.navigate(link);
		assertThat(admin).hasURL(Browsers.PORTAL + "/activate");
		admin.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("Harbor-Lights-2027");
		admin.getByLabel("Confirm new password").fill("Harbor-Lights-2027");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up my account")).click();
		admin.navigate("/");
		signInAsPractice(admin, adminUserId, "Harbor-Lights-2027");
		assertThat(admin).hasURL(Browsers.PORTAL + "/dashboard");

		// and makes a purchase on a plan ops enabled, once the practice's plans reached
		// transaction-service
		String token = practiceToken(adminUserId, "Harbor-Lights-2027");
		Api.Reply application = client.post("/api/transactions/applications", token, application("Ngata"),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(application.status()).as(application.text()).isEqualTo(201);
		assertThat(application.field("status")).isEqualTo("APPROVED");
		Map<String, Object> purchase = Map.of("accountId", application.field("accountId"), "amount",
				new BigDecimal("640.00"), "promotionCode", "DEFERRED_12");
		String key = UUID.randomUUID().toString();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Api.Reply bought = client.post("/api/transactions/purchases", token, purchase, "Idempotency-Key", key);
			assertThat(bought.status()).as(bought.text()).isEqualTo(201);
			assertThat(bought.field("status")).isEqualTo("APPROVED");
		});
	}

	@Test
	void supportUnlocksALockedUserWithAReasonAndTheUserThenSignsInThroughThePortal() {
		Practice practice = enrolledByApi();
		for (int attempt = 1; attempt <= 5; attempt++) {
			client.post("/api/auth/login", null,
					Map.of("userId", practice.adminUserId(), "password", "not-the-password-" + attempt));
		}
		Api.Reply refused = client.post("/api/auth/login", null,
				Map.of("userId", practice.adminUserId(), "password", practice.password()));
		assertThat(refused.status()).as("a locked user's right password").isEqualTo(401);

		Page support = signedInStaff("198.51.100.153", "support.agent");
		support.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Practice users").setExact(true))
			.first()
			.click();
		support.getByLabel("User ID, e-mail or practice").fill(practice.adminUserId());
		support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find users")).click();
		Browsers.assertAccessible(support, "staff-users-found");
		support.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(practice.adminUserId())).click();
		assertThat(support.locator("#status")).containsText("Locked");
		Browsers.assertAccessible(support, "staff-user-locked");
		// no reason: a sentence, and the user stays locked
		support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
		assertThat(support.locator(".error-summary")).isVisible();
		assertThat(client
			.post("/api/auth/login", null, Map.of("userId", practice.adminUserId(), "password", practice.password()))
			.status()).isEqualTo(401);
		support.getByLabel("Reason for unlocking").fill("Identity confirmed by a call back to the practice");
		support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
		assertThat(support.locator("#status")).containsText("Active");
		assertThat(support.locator("main")).containsText("Identity confirmed by a call back to the practice");

		Page user = browser("198.51.100.154");
		user.navigate("/");
		signInAsPractice(user, practice.adminUserId(), practice.password());
		assertThat(user).hasURL(Browsers.PORTAL + "/dashboard");
	}

	@Test
	void supportReadsAPatientAccountOnlyAfterSayingWhyAndTheAuditorSeesTheRead() {
		String lakeside = practiceToken("lakeside.admin", "Lakeside-Harbor-2026");
		String lastName = "Okonkwo" + (char) ('a' + ThreadLocalRandom.current().nextInt(26));
		Map<String, Object> body = application(lastName);
		Api.Reply application = client.post("/api/transactions/applications", lakeside, body, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(application.status()).as(application.text()).isEqualTo(201);
		String dateOfBirth = (String) body.get("dateOfBirth");
		String reason = "Patient called about a statement, ticket " + suffix();

		Page support = signedInStaff("198.51.100.155", "support.agent");
		support.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Applications").setExact(true))
			.first()
			.click();
		assertThat(support.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Applications to review")))
			.isVisible();
		Browsers.assertAccessible(support, "staff-applications");
		support.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Patient accounts").setExact(true))
			.first()
			.click();
		Browsers.assertAccessible(support, "staff-accounts");
		support.getByLabel("Last name").fill(lastName);
		support.getByLabel("Date of birth").fill(dateOfBirth);
		support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find account")).click();
		// no reason: a sentence, and no account found
		assertThat(support.locator(".error-summary")).isVisible();
		assertThat(support.locator("main")).not().containsText("ending in");
		support.getByLabel("Reason for access").fill(reason);
		Locator open = support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
			.setName(Pattern.compile("^Open Ada " + lastName + ", account ending in \\d{4}$")));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			support.getByLabel("Last name").fill(lastName);
			support.getByLabel("Date of birth").fill(dateOfBirth);
			support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find account")).click();
			assertThat(open).hasCount(1);
		});
		open.click();
		assertThat(support.locator("main")).containsText("ending in");
		assertThat(support.locator("main")).not().containsText((String) body.get("ssn"));
		Browsers.assertAccessible(support, "staff-account");

		Page auditor = signedInStaff("198.51.100.156", "auditor");
		auditor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit").setExact(true)).first().click();
		auditor.getByLabel("Support access to patient accounts").check();
		auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
		assertThat(auditor.locator("main")).containsText(reason);
		assertThat(auditor.locator("main")).containsText("support.agent");
		Browsers.assertAccessible(auditor, "staff-audit-support-access");
		auditor.getByLabel("Staff console actions").check();
		auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
		assertThat(auditor.locator("main")).containsText(reason);
	}

	@Test
	void opsTurnMaintenanceOnThenTheApiAnswers503AndEveryPageSaysSoUntilOpsTurnItOff() {
		String practice = practiceToken("lakeside.user", "Quiet-Lakeshore-2026");
		String message = "Planned database upgrade " + suffix();
		Page ops = signedInStaff("198.51.100.157", "ops.admin");
		try {
			ops.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Maintenance").setExact(true))
				.first()
				.click();
			Browsers.assertAccessible(ops, "staff-maintenance-off");
			ops.getByLabel("Message for every page").fill(message);
			ops.getByLabel("Ends at (UTC)")
				.fill(LocalDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
			ops.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Change 4411 approved");
			ops.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn maintenance mode on")).click();

			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				Api.Reply during = client.get("/api/transactions/promotions", practice);
				assertThat(during.status()).isEqualTo(503);
				assertThat(during.response().headers().firstValue("Retry-After"))
					.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(60L, 3600L));
				assertThat(during.response().headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(during.field("detail")).contains(message);
			});
			// staff keep working through the API, and health answers
			assertThat(client.get("/api/auth/admin/maintenance", staffToken("ops.admin")).status()).isEqualTo(200);
			assertThat(Api.getAbsolute(Api.GATEWAY + "/actuator/health").status()).isEqualTo(200);
			// every page, the sign-in page included, shows the message
			Page visitor = browser("198.51.100.158");
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				visitor.navigate("/");
				assertThat(visitor.locator(".maintenance")).containsText(message);
			});
			Browsers.assertAccessible(visitor, "maintenance-banner-sign-in");
			ops.reload();
			assertThat(ops.locator(".maintenance")).containsText(message);

			ops.getByLabel("Reason for turning it off").fill("Upgrade finished early");
			ops.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn maintenance mode off")).click();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> client.get("/api/transactions/promotions", practice).status() == 200);
			visitor.navigate("/");
			assertThat(visitor.locator(".maintenance")).hasCount(0);
		}
		finally {
			// whatever happened above, the rest of the suite runs without maintenance
			// mode
			client.delete("/api/auth/admin/maintenance", staffToken("ops.admin"));
		}
	}

	@Test
	void aPracticeSessionNeverReachesTheConsoleAndAStaffTokenNeverActsAsAPractice() {
		Page practice = browser("198.51.100.159");
		practice.navigate("/");
		signInAsPractice(practice, "lakeside.admin", "Lakeside-Harbor-2026");
		assertThat(practice).hasURL(Browsers.PORTAL + "/dashboard");
		for (String path : List.of("/staff", "/staff/users", "/staff/accounts", "/staff/practices",
				"/staff/maintenance", "/staff/audit")) {
			assertThat(practice.navigate(path).status()).as(path).isEqualTo(403);
			assertThat(practice.locator("main")).not().containsText("Practice users");
		}
		Browsers.assertAccessible(practice, "staff-refused-practice-session");
		String support = staffToken("support.agent");
		Api.Reply purchase = client.post(
				"/api/transactions/purchases", support, Map.of("accountId", UUID.randomUUID().toString(), "amount",
						new BigDecimal("100.00"), "promotionCode", "DEFERRED_12"),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(purchase.status()).as("a purchase with support's token").isEqualTo(403);
		Api.Reply team = client.get("/api/auth/users", support);
		assertThat(team.status()).as("a practice's team with support's token").isEqualTo(403);
	}

	/**
	 * A new browser signed in to the console as the staff member: the portal sends it to
	 * Keycloak, which asks for the password and then the authenticator's code.
	 */
	private Page signedInStaff(String address, String username) {
		StaffMember member = STAFF.get(username);
		Page page = browser(address);
		page.navigate("/staff");
		assertThat(page).hasURL(Browsers.PORTAL + "/staff/sign-in");
		Browsers.assertAccessible(page, "staff-sign-in");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your staff account")).click();
		assertThat(page).hasURL(Pattern.compile("^http://localhost:8180/realms/carefin-staff/"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(member.password());
		page.locator("#kc-login").click();
		page.locator("#otp").fill(freshCode(username, member));
		page.locator("#kc-login").click();
		assertThat(page).hasURL(Browsers.PORTAL + "/staff");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Staff console"))).isVisible();
		Browsers.assertAccessible(page, "staff-home-" + username);
		return page;
	}

	/** A code for an authenticator step the staff member has not used yet. */
	private static synchronized String freshCode(String username, StaffMember member) {
		long step = Authenticator.step(Instant.now());
		while (lastStep.getOrDefault(username, -1L) >= step) {
			try {
				Thread.sleep(1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			step = Authenticator.step(Instant.now());
		}
		lastStep.put(username, step);
		return new Authenticator(member.secret()).code(step);
	}

	/**
	 * A staff access token by the password grant local mode's realm keeps for the suite.
	 */
	private static String staffToken(String username) {
		Api.Reply token = Api.form(KEYCLOAK + "/realms/carefin-staff/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "carefin-gateway", "client_secret",
						"carefin-gateway-dev-secret", "username", username, "password", STAFF.get(username).password(),
						"scope", "openid"));
		assertThat(token.status()).as(token.text()).isEqualTo(200);
		return token.field("access_token");
	}

	private static String practiceToken(String userId, String password) {
		Api.Reply login = client.post("/api/auth/login", null, Map.of("userId", userId, "password", password));
		assertThat(login.field("status")).as(login.text()).isEqualTo("AUTHENTICATED");
		return login.field("accessToken");
	}

	/**
	 * A practice enrolled by ops through the API, its administrator activated through the
	 * API from the mailed link.
	 */
	private static Practice enrolledByApi() {
		String suffix = suffix();
		String adminUserId = "cedar.admin." + suffix;
		String adminEmail = "admin-" + suffix + "@cedarclinic.example";
		Map<String, Object> enrolment = new LinkedHashMap<>();
		enrolment.put("name", "Cedar Clinic " + suffix);
		enrolment.put("merchantId", "8" + digits(11));
		enrolment.put("practiceCode", "CEDAR-" + suffix.toUpperCase());
		enrolment.put("timeZone", "America/Denver");
		enrolment.put("address",
				Map.of("line1", "5 Cedar Way", "city", "Boulder", "state", "CO", "postalCode", "80302"));
		enrolment.put("supportContact", Map.of("name", "Lee Park", "email", "office-" + suffix + "@cedarclinic.example",
				"phone", "+1 303 555 0199"));
		enrolment.put("admin", Map.of("userId", adminUserId, "email", adminEmail));
		Api.Reply enrolled = client.post("/api/auth/admin/practices", staffToken("ops.admin"), enrolment);
		assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
		String link = linkIn(Mailbox.awaitMail(adminEmail, (text) -> text.contains("activate?token=")));
		String password = "Cedar-Grove-Evening-27";
		Api.Reply activated = client.post("/api/auth/users/activate", null,
				Map.of("token", link.substring(link.indexOf("token=") + 6), "password", password));
		assertThat(activated.status()).as(activated.text()).isEqualTo(204);
		return new Practice(adminUserId, password);
	}

	private static Map<String, Object> application(String lastName) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("firstName", "Ada");
		body.put("lastName", lastName);
		body.put("dateOfBirth",
				LocalDate.of(1955 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
		body.put("ssn", "%03d-00-%04d".formatted(100 + random.nextInt(600), 450 + random.nextInt(100)));
		body.put("address", Map.of("line1", "9 Shore Lane", "city", "Duluth", "state", "MN", "postalCode", "55802"));
		body.put("email", "ada." + lastName.toLowerCase() + "." + suffix() + "@example.com");
		body.put("mobile", "+15555550166");
		body.put("annualIncome", new BigDecimal("88000.00"));
		body.put("monthlyHousingPayment", new BigDecimal("1300.00"));
		body.put("requestedAmount", new BigDecimal("4000.00"));
		body.put("keyedBy", "STAFF");
		return body;
	}

	private Page browser(String address) {
		BrowserContext context = Browsers.open(address, true);
		this.browsers.add(context);
		return context.newPage();
	}

	private static void signInAsPractice(Page page, String userId, String password) {
		page.getByLabel("User ID").fill(userId);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	private static String linkIn(String mail) {
		Matcher link = LINK.matcher(mail);
		assertThat(link.find()).as("a link in the mail").isTrue();
		return link.group(1);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString();
	}

	private record StaffMember(String password, String secret) {
	}

	private record Practice(String adminUserId, String password) {
	}

}
