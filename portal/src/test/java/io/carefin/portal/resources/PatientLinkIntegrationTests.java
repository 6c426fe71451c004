package io.carefin.portal.resources;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.pdf.PdfDownload;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practice user finds the practice's patient link and its QR code under Resources, and
 * prints the flyer or downloads it as a PDF.
 */
@PortalIntegrationTest
class PatientLinkIntegrationTests {

	static final String LINK = "https://portal.example/apply/BRIGHT-SMILES";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		this.browser = Browser.on(this.port)
			.withHeader("X-Forwarded-Proto", "https")
			.withHeader("X-Forwarded-Host", "portal.example");
		this.browser.signIn();
		practiceCodeIs("\"BRIGHT-SMILES\"");
	}

	@Test
	void theResourcesPageShowsThePatientLinkBuiltFromTheBrowsersAddressAndItsQrCode() {
		Page page = this.browser.get("/resources");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("#patient-link-title").text()).isEqualTo("Your patient link");
		assertThat(page.link(LINK).attr("href")).isEqualTo(LINK);
		assertThat(page.html().select("#patient-link svg.qr[role=img]").attr("aria-label"))
			.isEqualTo("QR code for " + LINK);
		assertThat(page.html().title()).isEqualTo("Resources – CareFin");
		assertThat(page.html().select("#patient-link svg.qr path.qr-dark").attr("d")).startsWith("M");
		assertThat(page.link("Print the flyer for your waiting room").attr("href")).isEqualTo("/resources/flyer");
		assertThat(page.link("Download the flyer as PDF").attr("href")).isEqualTo("/resources/flyer.pdf");
		assertThat(page.link("Download the flyer as PDF").attr("hx-boost")).isEqualTo("false");
	}

	@Test
	void aPracticeWithoutACodeIsToldSoInsteadOfALink() {
		practiceCodeIs("null");
		Page page = this.browser.get("/resources");
		assertThat(page.text()).contains("Your practice doesn't have a patient link yet")
			.doesNotContain("/apply/")
			.doesNotContain("Download the flyer as PDF");
		assertThat(page.html().select("#patient-link svg")).isEmpty();
	}

	@Test
	void theFlyerIsOnePrintablePageWithThePracticeTheHowToTheQrCodeAndTheLink() {
		Page flyer = this.browser.get("/resources/flyer");
		assertThat(flyer.status()).isEqualTo(200);
		assertThat(flyer.html().title()).isEqualTo("Patient flyer for " + Gateway.PRACTICE + " – CareFin");
		assertThat(flyer.html().select(".flyer-practice").text()).isEqualTo(Gateway.PRACTICE);
		assertThat(flyer.heading()).isEqualTo("Get the care you need now, and pay over time");
		assertThat(flyer.html().select(".flyer-steps li")).hasSize(3);
		assertThat(flyer.html().select(".flyer-link").text()).isEqualTo(LINK);
		assertThat(flyer.html().select("img.flyer-qr").attr("src")).startsWith("data:image/png;base64,");
		assertThat(flyer.html().select("img.flyer-qr").attr("alt")).isEqualTo("QR code for " + LINK);
		assertThat(flyer.html().select("nav.site-nav, script")).isEmpty();
		String css = this.browser.get(flyer.html().selectFirst("link[rel=stylesheet]").attr("href")).body();
		assertThat(css).contains("@page").containsPattern("@media print[\\s\\S]*\\.flyer-tools \\{\\s*display: none");
	}

	@Test
	void theFlyerDownloadsAsAOnePagePdfWithThePracticeTheLinkAndTheQrCode() {
		PdfDownload pdf = PdfDownload.of(this.browser, this.port, "/resources/flyer.pdf", "X-Forwarded-Proto", "https",
				"X-Forwarded-Host", "portal.example");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.disposition()).startsWith("attachment").contains("carefin-flyer-BRIGHT-SMILES.pdf");
		assertThat(pdf.pages()).isEqualTo(1);
		assertThat(pdf.text()).contains(Gateway.PRACTICE)
			.contains("Get the care you need now, and pay over time")
			.contains(LINK)
			.doesNotContain("Back to Resources")
			.doesNotContain("Print command");
		assertThat(pdf.imagesOnFirstPage()).as("the QR code").isEqualTo(1);
	}

	@Test
	void theFlyerNeedsASignedInPracticeUser() {
		Page page = Browser.on(this.port).get("/resources/flyer.pdf");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo("/");
	}

	private static void practiceCodeIs(String code) {
		Gateway.server().stubFor(get(urlEqualTo("/api/auth/me")).willReturn(okJson("""
				{"userId": "%s", "email": "ames@lakeside.example",
				 "practice": {"id": "%s", "name": "%s", "code": %s},
				 "roles": ["PRACTICE_USER"], "permissions": ["PROCESS_APPLICATIONS"], "factors": []}
				""".formatted(Gateway.USER_ID, Gateway.PRACTICE_ID, Gateway.PRACTICE, code))));
	}

}
