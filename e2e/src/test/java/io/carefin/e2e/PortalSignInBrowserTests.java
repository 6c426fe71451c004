package io.carefin.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A practice user's sign-in in a real browser (Debian's Chromium), through the gateway of
 * a platform started with {@code deploy/local/run.sh}: with no second factor, an e-mailed
 * code, a texted code and an authenticator app; a lockout after wrong codes; forgotten
 * user IDs and passwords; an invitation; sign-out and the back button. Every page is
 * checked with axe-core, and the journeys that must work without JavaScript run both
 * ways. Each test's browsers have addresses of their own, so that budgets and lockouts
 * never carry from one test to another.
 */
@ExtendWith(LocalStack.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalSignInBrowserTests {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

	private static final Pattern LINK = Pattern.compile("(http://localhost:8080/[a-z-]+\\?token=[A-Za-z0-9_\\-]+)");

	private static final String SIGN_IN_FAILED = "The User ID or Password is incorrect, or the account can't be used right now.";

	private static final AtomicInteger addresses = new AtomicInteger(1);

	private static final Api lakesideAdmin = new Api("198.51.100.120");

	/**
	 * Every password typed and link token received in these tests, which no log may hold.
	 */
	private static final Set<String> secrets = ConcurrentHashMap.newKeySet();

	/** Every sign-in code received in these tests, which no CareFin service may log. */
	private static final Set<String> codes = ConcurrentHashMap.newKeySet();

	private final List<BrowserContext> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(BrowserContext::close);
	}

	@ParameterizedTest(name = "JavaScript on: {0}")
	@ValueSource(booleans = { true, false })
	void aPracticeUserWithoutASecondFactorSignsInAndOutAndTheBackButtonShowsNothingPrivate(boolean javaScript) {
		Page page = browser(javaScript);
		page.navigate("/");
		assertThat(page).hasTitle("Sign in – CareFin");
		Browsers.assertAccessible(page, "sign-in");
		String anonymousSession = sessionCookie(page).value;

		signIn(page, "lakeside.admin", "Lakeside-Harbor-2026");

		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lakeside Family Clinic")))
			.isVisible();
		Browsers.assertAccessible(page, "dashboard");
		Cookie session = sessionCookie(page);
		assertThat(session.value).as("the session id changes at sign-in").isNotEqualTo(anonymousSession);
		assertThat(session.httpOnly).isTrue();
		assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
		assertThat(page.context().cookies()).as("one cookie, the session's").hasSize(1);
		assertNothingSecretIn(page, "Lakeside-Harbor-2026");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

		assertThat(page).hasURL(Browsers.PORTAL + "/?signed-out");
		assertThat(page.getByText("You have signed out.")).isVisible();
		page.goBack();
		assertThat(page.locator("body")).not().containsText("Lakeside Family Clinic");
		page.navigate("/dashboard");
		assertThat(page).hasTitle("Sign in – CareFin");
	}

	@Test
	void aPracticeUserFindsHelpAndSignsInAndOutWithTheKeyboardAlone() {
		Page page = browser(true);
		page.navigate("/help");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
		assertThat(page.locator("main")).containsText("1-800-555-0199");
		Browsers.assertAccessible(page, "help");

		page.navigate("/");
		tabTo(page, "userId");
		page.keyboard().type("lakeside.user");
		page.keyboard().press("Tab");
		assertThat(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).isFocused();
		page.keyboard().type("Quiet-Lakeshore-2026");
		page.keyboard().press("Enter");
		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");

		Locator signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
		for (int press = 0; press < 10 && !isFocused(signOut); press++) {
			page.keyboard().press("Tab");
		}
		assertThat(signOut).isFocused();
		page.keyboard().press("Enter");
		assertThat(page.getByText("You have signed out.")).isVisible();
	}

	@ParameterizedTest(name = "JavaScript on: {0}")
	@ValueSource(booleans = { true, false })
	void aPracticeUserSignsInWithTheCodeEmailedToThem(boolean javaScript) {
		String inbox = "office@lakesideclinic.example";
		int seen = Mailbox.mailCount(inbox);
		Page page = browser(javaScript);
		page.navigate("/");
		signIn(page, "lakeside.email", "Morning-Mail-2026");

		assertThat(page).hasTitle("Enter your security code – CareFin");
		assertThat(page.locator("main")).containsText("o***");
		assertThat(page.locator("main")).not().containsText(inbox);
		Browsers.assertAccessible(page, "second-factor-email");
		String code = codeIn(Mailbox.awaitMail(inbox, seen, (mail) -> mail.contains("sign-in code")));
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
		assertNothingSecretIn(page, code);
	}

	@Test
	void aPracticeUserSignsInWithTheCodeTextedToThemAfterAskingForANewOne() {
		String phone = "+15555550101";
		int seen = Mailbox.smsCount(phone);
		Page page = browser(true);
		page.navigate("/");
		signIn(page, "demo.sms", "Sunny-Texts-2026");
		assertThat(page.locator("main")).containsText("0101");
		String first = codeIn(Mailbox.awaitSms(phone, seen, (text) -> SIX_DIGITS.matcher(text).find()));

		// auth-service sends another code no sooner than 30 s after the last (its resend
		// cool-down)
		Instant cooledDown = Instant.now().plusSeconds(31);
		await().atMost(Duration.ofSeconds(35)).until(() -> Instant.now().isAfter(cooledDown));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a new code")).click();
		String second = codeIn(Mailbox.awaitSms(phone, seen + 1, (text) -> SIX_DIGITS.matcher(text).find()));
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(second);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
		assertNothingSecretIn(page, first, second);
	}

	@Test
	void fiveWrongCodesLockTheUserAndTheRightPasswordThenGetsTheSameAnswer() {
		Page page = browser(true);
		page.navigate("/");
		signIn(page, "lakeside.sms", "Sunny-Texts-2026");
		assertThat(page).hasTitle("Enter your security code – CareFin");
		for (int attempt = 1; attempt <= 5 && page.title().startsWith("Enter your security code"); attempt++) {
			page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("00000" + (attempt % 10));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
			assertThat(page.getByText("We couldn't sign you in")).isVisible();
		}
		Browsers.assertAccessible(page, "second-factor-refused");

		page.navigate("/");
		signIn(page, "lakeside.sms", "Sunny-Texts-2026");

		assertThat(page).hasTitle("Sign in – CareFin");
		assertThat(page.getByText(SIGN_IN_FAILED)).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Get help signing in")))
			.isVisible();
		Browsers.assertAccessible(page, "sign-in-refused");
	}

	@Test
	void anUnknownUserIdGetsTheSameAnswerAsAWrongPassword() {
		Page page = browser(true);
		page.navigate("/");
		signIn(page, "nobody." + UUID.randomUUID().toString().substring(0, 8), "Any-Password-2026");
		String unknown = page.locator("#sign-in-failed").innerText();

		page.navigate("/");
		signIn(page, "lakeside.user", "not-the-password");
		String wrong = page.locator("#sign-in-failed").innerText();

		assertThat(unknown).isEqualTo(wrong).contains(SIGN_IN_FAILED);
	}

	@Test
	void twoBrowsersAreCountedApartSoOneBrowsersGuessesNeverLockOutAnother() {
		Page guesser = browser(true);
		for (int attempt = 0; attempt < 12 && !guesser.title().startsWith("Please wait"); attempt++) {
			guesser.navigate("/");
			signIn(guesser, "guess." + attempt, "Guess-Number-" + attempt);
		}
		assertThat(guesser).hasTitle(Pattern.compile("^Please wait"));
		assertThat(guesser.locator("main")).containsText(Pattern.compile("Please wait \\d+ seconds? and try again"));
		Browsers.assertAccessible(guesser, "too-many-attempts");

		// had the guesser emptied a budget both share, a token would come back every 6 s
		// at most: three
		// sign-ins in a row would not all pass
		Page colleague = browser(true);
		for (int signIn = 0; signIn < 3; signIn++) {
			colleague.navigate("/");
			signIn(colleague, "lakeside.user", "Quiet-Lakeshore-2026");
			assertThat(colleague).hasURL(Browsers.PORTAL + "/dashboard");
			colleague.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		}
	}

	@Test
	void anInvitedUserChoosesAPasswordEnrolsAnAuthenticatorAppAndSignsInWithIt() {
		Invitation invitation = invite("totp");
		Page page = browser(true);
		page.navigate(invitation.link());
		assertThat(page).hasURL(Browsers.PORTAL + "/activate");
		Browsers.assertAccessible(page, "activate");
		choosePassword(page, "Harbour-Lights-Evening-77", "Set up my account");
		assertThat(page.getByText("Your account is ready")).isVisible();
		signIn(page, invitation.userId(), "Harbour-Lights-Evening-77");
		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");

		page.navigate("/profile");
		Browsers.assertAccessible(page, "profile");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app")).click();
		Browsers.assertAccessible(page, "profile-authenticator");
		Authenticator app = new Authenticator(page.getByTestId("totp-key").innerText());
		long enrolled = Authenticator.step(Instant.now());
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(app.code(enrolled));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
		assertThat(page.locator("main")).containsText("Authenticator app");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

		// a code is good once: the next sign-in takes the next 30-second code
		await().atMost(Duration.ofSeconds(35)).until(() -> Authenticator.step(Instant.now()) > enrolled);
		signIn(page, invitation.userId(), "Harbour-Lights-Evening-77");
		assertThat(page).hasTitle("Enter your security code – CareFin");
		page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
			.fill(app.code(Authenticator.step(Instant.now())));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
	}

	@ParameterizedTest(name = "JavaScript on: {0}")
	@ValueSource(booleans = { true, false })
	void aForgottenUserIdArrivesByEmailAndSignsIn(boolean javaScript) {
		Invitation invitation = activated(invite("forgot.id"), "Quiet-Garden-Morning-41");
		int seen = Mailbox.mailCount(invitation.email());
		Page page = browser(javaScript);
		page.navigate("/");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot User ID?")).click();
		Browsers.assertAccessible(page, "forgot-user-id");
		page.getByLabel("E-mail address").fill(invitation.email());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my User ID")).click();
		assertThat(page.getByText("If that e-mail address belongs to a CareFin user, we've sent the User ID to it."))
			.isVisible();

		String mail = Mailbox.awaitMail(invitation.email(), seen, (text) -> text.contains("user ID"));
		assertThat(mail).contains(invitation.userId());
		page.navigate("/");
		signIn(page, invitation.userId(), "Quiet-Garden-Morning-41");

		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
	}

	@ParameterizedTest(name = "JavaScript on: {0}")
	@ValueSource(booleans = { true, false })
	void aForgottenPasswordIsResetOnceByTheEmailedLinkAndTheOldPasswordAndSessionEnd(boolean javaScript) {
		Invitation invitation = activated(invite("forgot.pw"), "Copper-Kettle-Sunrise-58");
		Page before = browser(javaScript);
		before.navigate("/");
		signIn(before, invitation.userId(), "Copper-Kettle-Sunrise-58");
		assertThat(before).hasURL(Browsers.PORTAL + "/dashboard");

		int seen = Mailbox.mailCount(invitation.email());
		Page page = browser(javaScript);
		page.navigate("/");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot Password?")).click();
		Browsers.assertAccessible(page, "forgot-password");
		page.getByLabel("User ID").fill(invitation.userId());
		page.getByLabel("E-mail address").fill(invitation.email());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the reset link")).click();
		assertThat(page.locator("main")).containsText("If the User ID and e-mail address belong to a CareFin user");
		String link = linkIn(Mailbox.awaitMail(invitation.email(), seen, (text) -> text.contains("reset-password")));

		page.navigate(link);
		assertThat(page).hasURL(Browsers.PORTAL + "/reset-password");
		Browsers.assertAccessible(page, "reset-password");
		choosePassword(page, "too short", "Change password");
		assertThat(page.locator(".error-summary")).isVisible();
		choosePassword(page, "Silver-Lantern-Midnight-63", "Change password");
		assertThat(page.locator("main")).containsText("Your password is changed");
		page.navigate(link);
		choosePassword(page, "Another-Lantern-Dawn-64", "Change password");
		assertThat(page.locator("main")).containsText("This link no longer works");

		page.navigate("/");
		signIn(page, invitation.userId(), "Copper-Kettle-Sunrise-58");
		assertThat(page.getByText(SIGN_IN_FAILED)).isVisible();
		signIn(page, invitation.userId(), "Silver-Lantern-Midnight-63");
		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
		before.navigate("/dashboard");
		assertThat(before).hasTitle("Sign in – CareFin");
	}

	@Test
	void aSecondPortalReplicaServesTheSameSessionAndASessionIdleForItsTimeoutEndsThere() throws Exception {
		try (PortalReplica replica = PortalReplica.start(8087, Duration.ofSeconds(20))) {
			Page page = browser(true);
			page.navigate("/");
			signIn(page, "lakeside.user", "Quiet-Lakeshore-2026");
			assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");

			// cookies belong to the host, not the port: the same browser, the other
			// replica
			page.navigate(replica.url() + "/dashboard");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lakeside Family Clinic")))
				.isVisible();

			// with JavaScript, the page warns and then leaves by itself; without, the
			// next page says so
			Page warned = browser(true);
			warned.navigate(replica.url() + "/");
			signIn(warned, "lakeside.user", "Quiet-Lakeshore-2026");
			Page idle = browser(false);
			idle.navigate(replica.url() + "/");
			signIn(idle, "lakeside.user", "Quiet-Lakeshore-2026");
			assertThat(idle).hasURL(replica.url() + "/dashboard");
			assertThat(idle.locator("body")).hasAttribute("data-idle-seconds", "20");
			Instant idleEnd = Instant.now().plusSeconds(21);

			assertThat(warned.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")))
				.isVisible();
			Browsers.assertAccessible(warned, "idle-warning");
			assertThat(warned).hasURL(Pattern.compile("timed-out"),
					new PageAssertions.HasURLOptions().setTimeout(30_000));
			assertThat(warned.locator("main")).containsText("Your session ended after 20 seconds without activity");
			await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(idleEnd));
			idle.navigate(replica.url() + "/dashboard");

			assertThat(idle).hasTitle("Sign in – CareFin");
			assertThat(idle.locator("main")).containsText("Your session ended after 20 seconds without activity");
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void noLogOfTheWholePlatformHoldsAPasswordACodeALinksTokenOrAnAccessToken() throws Exception {
		assertThat(secrets).isNotEmpty();
		assertThat(codes).isNotEmpty();
		try (var logs = Files.list(LocalStack.home().resolve("logs"))) {
			for (Path log : logs.toList()) {
				String text = Files.readString(log);
				assertThat(text).as(log.toString()).doesNotContain("eyJ");
				for (String secret : secrets) {
					assertThat(text).as(log.toString()).doesNotContain(secret);
				}
				// six digits stand alone: Kafka's and Keycloak's own numbers are not
				// codes
				if (log.getFileName().toString().matches("(.*-service|gateway|portal)\\.log")) {
					for (String code : codes) {
						assertThat(text).as(log.toString()).doesNotContainPattern("(?<!\\d)" + code + "(?!\\d)");
					}
				}
			}
		}
	}

	private Page browser(boolean javaScript) {
		BrowserContext context = Browsers.open("203.0.113." + addresses.getAndIncrement(), javaScript);
		this.browsers.add(context);
		return context.newPage();
	}

	private static void tabTo(Page page, String id) {
		for (int press = 0; press < 15 && !id.equals(page.evaluate("document.activeElement.id")); press++) {
			page.keyboard().press("Tab");
		}
		assertThat(page.evaluate("document.activeElement.id")).isEqualTo(id);
	}

	private static boolean isFocused(Locator locator) {
		return (Boolean) locator.evaluate("element => element === document.activeElement");
	}

	private static void signIn(Page page, String userId, String password) {
		secrets.add(password);
		page.getByLabel("User ID").fill(userId);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	private static void choosePassword(Page page, String password, String button) {
		secrets.add(password);
		page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByLabel("Confirm new password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
	}

	private static Cookie sessionCookie(Page page) {
		return page.context()
			.cookies()
			.stream()
			.filter((cookie) -> cookie.name.equals("carefin-session"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + page.context().cookies()));
	}

	/**
	 * Neither the page nor its address nor any cookie holds a token (a JWT starts
	 * {@code eyJ}), nor any of the secrets the user typed or received.
	 */
	private static void assertNothingSecretIn(Page page, String... secrets) {
		String html = page.content();
		assertThat(html).doesNotContain("eyJ");
		assertThat(page.url()).doesNotContain("token").doesNotContain("code=");
		for (Cookie cookie : page.context().cookies()) {
			assertThat(cookie.value).doesNotContain("eyJ");
		}
		for (String secret : secrets) {
			assertThat(html).doesNotContain(secret);
			assertThat(page.url()).doesNotContain(secret);
		}
	}

	private static String codeIn(String message) {
		Matcher code = SIX_DIGITS.matcher(message);
		assertThat(code.find()).as(message).isTrue();
		codes.add(code.group(1));
		return code.group(1);
	}

	private static String linkIn(String mail) {
		Matcher link = LINK.matcher(mail);
		assertThat(link.find()).as(mail).isTrue();
		secrets.add(link.group(1).substring(link.group(1).indexOf("token=") + 6));
		return link.group(1);
	}

	/**
	 * Lakeside's administrator invites a new user, who is sent an activation link.
	 */
	private static Invitation invite(String prefix) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String userId = prefix + "." + suffix;
		String email = prefix.replace('.', '-') + "-" + suffix + "@lakesideclinic.example";
		String token = lakesideAdmin
			.post("/api/auth/login", null, Map.of("userId", "lakeside.admin", "password", "Lakeside-Harbor-2026"))
			.field("accessToken");
		Api.Reply invited = lakesideAdmin.post("/api/auth/users", token, Map.of("userId", userId, "email", email,
				"role", "PRACTICE_USER", "permissions", List.of("PROCESS_PURCHASES", "VIEW_REPORTS")));
		assertThat(invited.status()).as(invited.text()).isEqualTo(201);
		String link = linkIn(Mailbox.awaitMail(email, (text) -> text.contains("activate?token=")));
		return new Invitation(userId, email, link);
	}

	private static Invitation activated(Invitation invitation, String password) {
		String token = invitation.link().substring(invitation.link().indexOf("token=") + 6);
		Api.Reply activated = lakesideAdmin.post("/api/auth/users/activate", null,
				Map.of("token", token, "password", password));
		assertThat(activated.status()).as(activated.text()).isEqualTo(204);
		return invitation;
	}

	private record Invitation(String userId, String email, String link) {
	}

}
