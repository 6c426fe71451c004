package io.carefin.e2e;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A practice's day in the portal, in a real browser (Debian's Chromium) through the
 * gateway of a platform started with {@code deploy/local/run.sh}: sign in, a credit
 * application keyed by staff and approved, a purchase on a plan whose quote the form
 * shows, sent twice and charged once, the receipt on screen, in print and as a PDF, the
 * account's balance and available credit, a partial refund, a refund over what is left
 * refused, a void, the account lookup, the dashboard's figures, the reports' figures and
 * their CSV, and the purchases' CSV; then another practice, which finds none of it and
 * may not refund. And a patient's own application on a phone through the practice's link,
 * which the practice then finds among its applications. Every page is checked with
 * axe-core.
 */
@ExtendWith(LocalStack.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PortalWorkspaceBrowserTests {

	private static final String FIXED_24 = "14.90 % APR, 24 fixed monthly payments";

	private static final String DEFERRED_12 = "No interest if paid in full in 12 months";

	private final List<BrowserContext> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(BrowserContext::close);
	}

	@Test
	void aPracticeRunsItsDayInTheBrowserAndAnotherPracticeSeesNoneOfIt() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String lastName = "Okafor" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
		String ssn = "%03d-00-%04d".formatted(100 + random.nextInt(600), 450 + random.nextInt(100));
		String dateOfBirth = LocalDate.of(1960 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))
			.toString();

		Page page = browser("198.51.100.190");
		page.navigate("/");
		signIn(page, "lakeside.admin", "Lakeside-Harbor-2026");
		assertThat(page).hasURL(Browsers.PORTAL + "/dashboard");
		Browsers.assertAccessible(page, "workspace-dashboard-before");
		String refundsBefore = cell(page, "Refunds", 1);
		// the reports' range: the business day is never after today in UTC
		LocalDate reportTo = LocalDate.now(java.time.ZoneOffset.UTC);
		LocalDate reportFrom = reportTo.minusDays(2);
		Map<String, BigDecimal> summaryBefore = summary(page, reportFrom, reportTo);

		// a credit application keyed by staff, approved at once
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New application")).first().click();
		assertThat(page).hasTitle("New application – CareFin");
		Browsers.assertAccessible(page, "workspace-application-new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit application")).click();
		assertThat(page.locator(".error-summary")).containsText("Say who is typing the application");
		Browsers.assertAccessible(page, "workspace-application-errors");
		page.getByLabel("Keyed by staff").check();
		page.getByLabel("First name").fill("Ada");
		page.getByLabel("Last name").fill(lastName);
		page.getByLabel("Date of birth").fill(dateOfBirth);
		page.getByLabel("Social Security number").fill(ssn);
		page.getByLabel("E-mail address").fill("ada." + lastName.toLowerCase() + "@example.com");
		page.getByLabel("Street address").fill("4 Quay Street");
		page.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Lakeside");
		page.getByLabel("State", new Page.GetByLabelOptions().setExact(true)).fill("NY");
		page.getByLabel("ZIP code").fill("12345");
		page.getByLabel("Yearly income before tax, in dollars").fill("85000");
		page.getByLabel("Monthly rent or mortgage, in dollars").fill("1200");
		page.getByLabel("Credit requested, in dollars").fill("5000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit application")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approved"))).isVisible();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/applications/[0-9a-f-]{36}$"));
		assertThat(page.locator("main")).containsText("on the account ending in");
		assertThat(page.locator("main")).not().containsText(ssn);
		Browsers.assertAccessible(page, "workspace-application-approved");
		String applicationUrl = page.url();

		// the purchase form, once account-service has opened the account
		String formUrl = page
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a purchase for this patient"))
			.getAttribute("href");
		page.navigate(formUrl);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			if (!"New purchase – CareFin".equals(page.title())) {
				page.navigate(formUrl);
			}
			assertThat(page.title()).isEqualTo("New purchase – CareFin");
		});
		String available = page.locator("#available-credit").innerText();
		BigDecimal limit = dollars(available);
		page.getByLabel("Amount, in dollars").fill("1500.00");
		Locator fixedQuote = page.locator("#plan-FIXED_24-quote");
		assertThat(fixedQuote).containsText("a month");
		String monthly = fixedQuote.locator("strong").innerText().replace(" a month", "");
		assertThat(monthly).as("the API calculator's payment for $1,500.00 at 14.90% over 24 months")
			.isEqualTo("$72.66");
		Browsers.assertAccessible(page, "workspace-purchase-form");
		page.getByLabel(FIXED_24).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Charge the account")).click();
		assertThat(page.locator(".error-summary"))
			.containsText("Confirm that the patient has read and accepted the plan's disclosure.");
		Browsers.assertAccessible(page, "workspace-purchase-errors");

		// sent twice by a double click, and once more as a resubmitted form: charged once
		page.getByLabel(FIXED_24).check();
		page.getByLabel("The patient has read the chosen plan's disclosure and accepts it").check();
		@SuppressWarnings("unchecked")
		List<List<String>> fields = (List<List<String>>) page
			.evaluate("() => Array.from(new FormData(document.getElementById('purchase-form')).entries())");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Charge the account")).dblclick();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approved"))).isVisible();
		String purchaseUrl = page.url().replace("?new", "");
		String authorization = page.locator(".auth-code").first().innerText();
		assertThat(authorization).isNotBlank();
		Browsers.assertAccessible(page, "workspace-purchase-approved");
		FormData again = FormData.create();
		fields.forEach((field) -> again.set(field.get(0), field.get(1)));
		APIResponse resent = page.request()
			.post("/purchases", RequestOptions.create().setForm(again).setMaxRedirects(0));
		assertThat(resent.status()).isEqualTo(302);
		assertThat(resent.headers().get("location")).endsWith(purchaseUrl.replace(Browsers.PORTAL, "") + "?new");

		// the receipt, on screen and in print
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Receipt")).click();
		assertThat(page.locator(".receipt")).containsText(authorization);
		assertThat(page.locator(".receipt .details > div")
			.filter(new Locator.FilterOptions().setHasText("Monthly payment"))
			.locator("dd")).hasText(monthly);
		Browsers.assertAccessible(page, "workspace-receipt");
		Download receiptPdf = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the receipt as PDF"))
					.click());
		assertThat(receiptPdf.suggestedFilename()).endsWith(".pdf");
		assertThat(pdfHeader(receiptPdf.path())).isEqualTo("%PDF-");
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.locator(".site-nav")).isHidden();
		Browsers.screenshot(page, "workspace-receipt-print");
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

		// the account's balance and available credit change by the one charge
		page.navigate(purchaseUrl);
		String accountUrl = Browsers.PORTAL + page.locator("main a[href^='/accounts/']").first().getAttribute("href");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			page.navigate(accountUrl);
			assertThat(page.locator("#balance").innerText()).isEqualTo("$1,500.00");
		});
		assertThat(dollars(page.locator("#available-credit").innerText()))
			.isEqualByComparingTo(limit.subtract(new BigDecimal("1500.00")));
		assertThat(page.locator("section[aria-labelledby=promotions-title] tbody tr")).hasCount(1);
		Browsers.assertAccessible(page, "workspace-account");

		// a partial refund, then one over what is left
		page.navigate(purchaseUrl);
		page.getByLabel("Refund amount, in dollars").fill("500");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to refund")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Refund $500.00?")))
			.isVisible();
		Browsers.assertAccessible(page, "workspace-refund-confirm");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund $500.00")).click();
		assertThat(page.locator(".notice-success"))
			.containsText("Refunded $500.00. $1,000.00 of the purchase is left.");
		page.getByLabel("Refund amount, in dollars").fill("1000.01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to refund")).click();
		assertThat(page.locator(".error-summary"))
			.containsText("A refund can't be more than what is left of the purchase: $1,000.00.");
		Browsers.assertAccessible(page, "workspace-refund-refused");

		// a second purchase with the keyboard alone, voided before settlement
		page.navigate(formUrl);
		tabTo(page, "#amount", 30);
		page.keyboard().type("250");
		assertThat(page.locator("#plan-DEFERRED_12-quote")).containsText("a month");
		tabTo(page, "input[name=plan]:not([disabled])", 5);
		for (int press = 0; press < 10 && !page.getByLabel(DEFERRED_12).isChecked(); press++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(page.getByLabel(DEFERRED_12)).isChecked();
		tabTo(page, "#disclosureAccepted", 20);
		page.keyboard().press("Space");
		tabTo(page, "#purchase-form button[type=submit]:not(.quote-button)", 3);
		page.keyboard().press("Enter");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approved"))).isVisible();
		String voidedUrl = page.url().replace("?new", "");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Void this purchase")).click();
		Browsers.assertAccessible(page, "workspace-void-confirm");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Void the purchase")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Voided"))).isVisible();

		// the account lookup by last name and date of birth
		page.navigate("/accounts");
		Browsers.assertAccessible(page, "workspace-accounts");
		page.getByLabel("Last name").fill(lastName);
		page.getByLabel("Date of birth").fill(dateOfBirth);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find account")).click();
		Locator match = page.locator(".match-list a");
		assertThat(match).hasCount(1);
		assertThat(match).containsText("Ada " + lastName);
		assertThat(page.locator("main")).not().containsText(ssn);
		Browsers.assertAccessible(page, "workspace-accounts-found");
		match.click();
		assertThat(page).hasURL(accountUrl);

		// the dashboard: the refund in today's figures, the purchases among the recent
		// ones
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			page.navigate("/dashboard");
			assertThat(dollars(cell(page, "Refunds", 1)))
				.isEqualByComparingTo(dollars(refundsBefore).add(new BigDecimal("500.00")));
		});
		assertThat(page.locator("section[aria-labelledby=recent-title]")).containsText(FIXED_24);
		Browsers.assertAccessible(page, "workspace-dashboard");

		// the purchases list and its CSV
		page.navigate("/purchases");
		assertThat(page.locator("main")).containsText(authorization);
		Browsers.assertAccessible(page, "workspace-purchases");
		Download download = page.waitForDownload(() -> page
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download these purchases as CSV"))
			.click());
		String csv = read(download.path());
		assertThat(csv)
			.startsWith("business_day,authorization_code,account_last4,plan,status,amount,refunded,remaining")
			.contains(authorization + ",")
			.contains(",FIXED_24,APPROVED,1500.00,500.00,1000.00");

		// the reports: the refund and the void in the summary's CSV, and the page shows
		// the same figures
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, BigDecimal> summary = summary(page, reportFrom, reportTo);
			assertThat(summary.get("refunds_amount").subtract(summaryBefore.get("refunds_amount")))
				.isEqualByComparingTo("500.00");
			assertThat(summary.get("voids_amount").subtract(summaryBefore.get("voids_amount")))
				.isEqualByComparingTo("250.00");
			assertThat(summary.get("purchases_count").subtract(summaryBefore.get("purchases_count")))
				.isEqualByComparingTo("2");
		});
		page.navigate("/reports?from=" + reportFrom + "&to=" + reportTo);
		Download summaryCsv = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the summary as CSV"))
					.click());
		Map<String, BigDecimal> downloaded = figures(read(summaryCsv.path()));
		Locator shown = page.locator("section[aria-labelledby=summary-title] dl");
		assertThat(dollars(figure(shown, "Refunds"))).isEqualByComparingTo(downloaded.get("refunds_amount"));
		assertThat(dollars(figure(shown, "Purchase volume"))).isEqualByComparingTo(downloaded.get("purchases_volume"));
		assertThat(new BigDecimal(figure(shown, "Purchases"))).isEqualByComparingTo(downloaded.get("purchases_count"));
		Browsers.assertAccessible(page, "workspace-reports");

		// the administrator's other pages
		page.navigate("/team");
		assertThat(page.locator("#members")).containsText("lakeside.user");
		Browsers.assertAccessible(page, "workspace-team");
		page.navigate("/promotions");
		assertThat(page.locator("#plans")).containsText(FIXED_24);
		Browsers.assertAccessible(page, "workspace-promotions");
		page.navigate("/resources");
		Browsers.assertAccessible(page, "workspace-resources");

		// another practice: nothing of the first is found, and no refund without the
		// permission
		Page other = browser("198.51.100.191");
		other.navigate("/");
		signIn(other, "demo.user", "Cheerful-Molars-2026");
		assertThat(other).hasURL(Browsers.PORTAL + "/dashboard");
		for (String url : List.of(accountUrl, purchaseUrl, voidedUrl, applicationUrl)) {
			other.navigate(url);
			assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")))
				.isVisible();
		}
		Browsers.assertAccessible(other, "workspace-not-found");
		other.navigate(purchaseUrl + "/refund");
		assertThat(other.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("You don't have permission to do this")))
			.isVisible();
		assertThat(other.locator("main")).containsText("Process refunds");
		Browsers.assertAccessible(other, "workspace-forbidden");

		assertNoLogHolds(ssn, ssn.replace("-", ""), dateOfBirth);
	}

	@Test
	void aPatientAppliesOnTheirPhoneThroughThePracticeLinkAndThePracticeSeesTheApplication() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String lastName = "Mbeki" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
		// the local bureau scores 300 plus the last four digits modulo 551: 800 to 849
		// here
		String ssn = "%03d-00-%04d".formatted(100 + random.nextInt(600), 500 + random.nextInt(50));

		// the practice's link, its QR code and its flyer
		Page practice = browser("198.51.100.192");
		practice.navigate("/");
		signIn(practice, "lakeside.admin", "Lakeside-Harbor-2026");
		practice.navigate("/resources");
		String link = practice.locator(".patient-link a").getAttribute("href");
		assertThat(link).isEqualTo(Browsers.PORTAL + "/apply/LAKESIDE");
		assertThat(practice.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for " + link)))
			.isVisible();
		Download flyer = practice.waitForDownload(() -> practice
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the flyer as PDF"))
			.click());
		assertThat(pdfHeader(flyer.path())).isEqualTo("%PDF-");
		practice.navigate("/resources/flyer");
		assertThat(practice.locator("main")).containsText("Lakeside Family Clinic");
		Browsers.assertAccessible(practice, "workspace-flyer");

		// the patient, on a phone, without an account at the portal
		Page patient = browser("198.51.100.193");
		patient.setViewportSize(390, 844);
		patient.navigate(link);
		assertThat(patient).hasTitle("Apply for CareFin at Lakeside Family Clinic – CareFin");
		Browsers.assertAccessible(patient, "apply-form");
		patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit application")).click();
		assertThat(patient.locator(".error-summary")).isVisible();
		Browsers.assertAccessible(patient, "apply-errors");
		patient.getByLabel("First name").fill("Grace");
		patient.getByLabel("Last name").fill(lastName);
		patient.getByLabel("Date of birth").fill("1984-03-09");
		patient.getByLabel("Social Security number").fill(ssn);
		patient.getByLabel("E-mail address").fill("grace." + lastName.toLowerCase() + "@example.com");
		patient.getByLabel("Street address").fill("12 Shore Lane");
		patient.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Madison");
		patient.getByLabel("State", new Page.GetByLabelOptions().setExact(true)).fill("WI");
		patient.getByLabel("ZIP code").fill("53703");
		patient.getByLabel("Yearly income before tax, in dollars").fill("85000");
		patient.getByLabel("Monthly rent or mortgage, in dollars").fill("1200");
		patient.getByLabel("Credit requested, in dollars").fill("4000");
		patient.getByLabel("I have read the terms above", new Page.GetByLabelOptions().setExact(false)).check();
		patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit application")).click();
		assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You're approved")))
			.isVisible();
		assertThat(patient.locator("main")).containsText("ending in");
		assertThat(patient.locator("main")).not().containsText(ssn);
		assertThat(patient.url()).doesNotContain(lastName).doesNotContain("1984");
		Browsers.assertAccessible(patient, "apply-approved");

		// the practice sees it, keyed by the patient
		practice.navigate("/applications");
		Locator row = practice.locator("#applications tbody tr")
			.filter(new Locator.FilterOptions().setHasText("Grace " + lastName));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("Patient");
		assertThat(row).containsText("Approved");
		Browsers.assertAccessible(practice, "workspace-applications");

		assertNoLogHolds(ssn, ssn.replace("-", ""), "1984-03-09");
	}

	private Page browser(String address) {
		BrowserContext context = Browsers.open(address, true);
		this.browsers.add(context);
		return context.newPage();
	}

	/** Presses Tab until the element the selector names has the focus. */
	private static void tabTo(Page page, String selector, int most) {
		Locator target = page.locator(selector).first();
		for (int press = 0; press < most && !isFocused(target); press++) {
			page.keyboard().press("Tab");
		}
		assertThat(isFocused(target)).as("the focus on " + selector).isTrue();
	}

	private static boolean isFocused(Locator locator) {
		return (Boolean) locator.evaluate("element => element === document.activeElement");
	}

	private static void signIn(Page page, String userId, String password) {
		page.getByLabel("User ID").fill(userId);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	/**
	 * The dashboard's activity figure in the row with the given heading and the given
	 * column (1 is today).
	 */
	private static String cell(Page page, String row, int column) {
		return page.locator("#activity tbody tr")
			.filter(new Locator.FilterOptions()
				.setHas(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(row).setExact(true))))
			.locator("td")
			.nth(column - 1)
			.innerText();
	}

	/**
	 * The practice's summary for the range, from the CSV the reports page offers: each
	 * figure of the whole practice (the rows without a plan) by its name.
	 */
	private static Map<String, BigDecimal> summary(Page page, LocalDate from, LocalDate to) {
		APIResponse csv = page.request().get("/reports/summary.csv?from=" + from + "&to=" + to);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.headers().get("content-type")).startsWith("text/csv");
		return figures(csv.text());
	}

	private static Map<String, BigDecimal> figures(String csv) {
		List<String> lines = csv.lines().toList();
		assertThat(lines.getFirst()).isEqualTo("figure,plan,value");
		Map<String, BigDecimal> figures = new java.util.HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[1].isEmpty() && !cells[2].isEmpty()) {
				figures.put(cells[0], new BigDecimal(cells[2]));
			}
		}
		return figures;
	}

	/** The figure the summary's list shows under the given term. */
	private static String figure(Locator list, String term) {
		return list.locator("div")
			.filter(new Locator.FilterOptions()
				.setHas(list.page().getByText(term, new Page.GetByTextOptions().setExact(true))))
			.locator("dd")
			.innerText();
	}

	/** The dollars at the start of a figure such as "$1,234.50 (2)". */
	private static BigDecimal dollars(String shown) {
		String amount = shown.strip().split(" ")[0].replace("$", "").replace(",", "").replace("−", "-");
		return new BigDecimal(amount);
	}

	/** The first five bytes of a file, where a PDF says what it is. */
	static String pdfHeader(Path path) {
		try (var in = Files.newInputStream(path)) {
			return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void assertNoLogHolds(String... secrets) {
		try (var logs = Files.list(LocalStack.home().resolve("logs"))) {
			for (Path log : logs.toList()) {
				if (!Files.isRegularFile(log)) {
					continue;
				}
				String text = Files.readString(log, StandardCharsets.ISO_8859_1);
				for (String secret : secrets) {
					assertThat(text).as(log.toString()).doesNotContain(secret);
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
