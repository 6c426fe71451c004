package io.carefin.portal.purchase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.WorkspaceFixtures;
import io.carefin.portal.pdf.PdfDownload;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt downloads as a PDF with what the receipt page shows, for the purchase's
 * practice only.
 */
@PortalIntegrationTest
class ReceiptPdfIntegrationTests {

	static final String RECEIPT = "/purchases/" + WorkspaceFixtures.PURCHASE_ID + "/receipt";

	static final String FULL_ACCOUNT_NUMBER = "6011000990134242";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.mePermitted("PROCESS_PURCHASES", "PROCESS_REFUNDS");
		// the API's answer names the whole account number, which no receipt may show
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/purchases/" + WorkspaceFixtures.PURCHASE_ID))
				.willReturn(okJson(WorkspaceFixtures.purchase("APPROVED", "5000.00", "0.00", "5000.00")
					.replace("\"accountLast4\"",
							"\"accountNumber\": \"" + FULL_ACCOUNT_NUMBER + "\", \"accountLast4\""))));
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/transactions/quotes"))
				.withRequestBody(equalToJson("{\"amount\": 5000.00, \"promotionCode\": \"FIXED_24\"}"))
				.willReturn(
						okJson("""
								{"promotionCode": "FIXED_24", "amount": 5000.00, "monthlyPayment": 242.20, "numberOfPayments": 24,
								 "lastPayment": 242.08, "totalInterest": 812.68, "totalCost": 5812.68, "minimumPayment": 242.20,
								 "apr": 14.90, "promotionEndDate": "2028-12-07", "minimumMet": true}
								""")));
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void theReceiptPageLinksToItsPdf() {
		Page receipt = this.browser.get(RECEIPT);
		assertThat(receipt.link("Download the receipt as PDF").attr("href")).isEqualTo(RECEIPT + ".pdf");
	}

	@Test
	void theReceiptPdfHasThePracticeTheAuthorizationCodeAndTheAmountButNotTheAccountNumber() {
		PdfDownload pdf = PdfDownload.of(this.browser, this.port, RECEIPT + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.disposition()).startsWith("attachment").contains("carefin-receipt-A1B2C3.pdf");
		assertThat(pdf.pages()).isEqualTo(1);
		assertThat(pdf.text()).contains("Receipt")
			.contains(Gateway.PRACTICE)
			.contains("Authorization code A1B2C3")
			.contains("Amount $5,000.00")
			.contains("ending in 4242")
			.contains("Monthly payment $242.20")
			.doesNotContain(FULL_ACCOUNT_NUMBER)
			.doesNotContain("Dashboard")
			.doesNotContain("Download the receipt");
	}

	@Test
	void anotherPracticesReceiptPdfIsTheNotFoundPage() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/purchases/" + WorkspaceFixtures.PURCHASE_ID))
				.willReturn(Gateway.problem(404, "not-found", "No such purchase.", "[]")));
		Page page = this.browser.get(RECEIPT + ".pdf");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.heading()).isEqualTo("Page not found");
		assertThat(page.header("Content-Type")).startsWith("text/html");
	}

}
