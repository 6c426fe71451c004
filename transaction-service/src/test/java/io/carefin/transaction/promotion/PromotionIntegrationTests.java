package io.carefin.transaction.promotion;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.transaction.TransactionFixtures;
import io.carefin.transaction.TransactionFixtures.Response;
import io.carefin.transaction.TransactionServiceTest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

@TransactionServiceTest
class PromotionIntegrationTests {

	private static final String PROMOTIONS = "/api/transactions/promotions";

	private static final String QUOTES = "/api/transactions/quotes";

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoMigrationEnablesEveryPlanForBothDemoPractices() throws Exception {
		String demo = new ClassPathResource("db/demo/V1000__demo_promotions.sql").getContentAsString(UTF_8);
		this.jdbc.sql(demo).update();

		for (String practice : List.of("5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f",
				"7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a")) {
			Response enabled = this.fixtures.get(PROMOTIONS, this.fixtures.clerk(UUID.fromString(practice)));
			assertThat(enabled.json().size()).isEqualTo(8);
		}
	}

	@Test
	void theCatalogueHoldsDesignsPlansAsVersionedTermsWithEffectiveDates() {
		Response catalogue = this.fixtures.get(PROMOTIONS + "/catalogue",
				this.fixtures.clerk(this.fixtures.practice()));

		assertThat(catalogue.status()).isEqualTo(200);
		assertThat(catalogue.json().valueStream().map((plan) -> plan.path("code").asString()))
			.containsExactlyInAnyOrder("DEFERRED_6", "DEFERRED_12", "DEFERRED_18", "DEFERRED_24", "FIXED_24",
					"FIXED_36", "FIXED_48", "FIXED_60");
		assertThat(catalogue.json().valueStream()).allSatisfy((plan) -> {
			assertThat(plan.path("version").asInt()).isOne();
			assertThat(plan.path("effectiveFrom").asString()).isEqualTo("2026-01-01");
			assertThat(plan.path("enabled").asBoolean()).isFalse();
		});
		assertThat(catalogue.json().valueStream().filter((plan) -> plan.path("code").asString().equals("FIXED_60")))
			.singleElement()
			.satisfies((plan) -> {
				assertThat(plan.path("apr").decimalValue()).isEqualByComparingTo("17.90");
				assertThat(plan.path("minimumAmount").decimalValue()).isEqualByComparingTo("1000.00");
				assertThat(plan.path("merchantFeeRate").decimalValue()).isEqualByComparingTo("0.05");
			});
	}

	@Test
	void aPracticeAdminWithManagePromotionsEnablesAndDisablesPlans() {
		UUID practice = this.fixtures.practice();
		String admin = this.fixtures.admin(practice);

		assertThat(this.fixtures.put(PROMOTIONS + "/DEFERRED_12", admin).status()).isEqualTo(200);
		assertThat(this.fixtures.put(PROMOTIONS + "/FIXED_24", admin).status()).isEqualTo(200);
		assertThat(this.fixtures.put(PROMOTIONS + "/NO_SUCH_PLAN", admin).status()).isEqualTo(404);
		assertThat(this.fixtures.put(PROMOTIONS + "/FIXED_36", this.fixtures.clerk(practice)).status()).isEqualTo(403);
		assertThat(this.fixtures.put(PROMOTIONS + "/FIXED_36", this.fixtures.practiceUser(practice, "PRACTICE_ADMIN"))
			.status()).isEqualTo(403);

		Response enabled = this.fixtures.get(PROMOTIONS, this.fixtures.clerk(practice));
		assertThat(enabled.json().valueStream().map((plan) -> plan.path("code").asString()))
			.containsExactly("DEFERRED_12", "FIXED_24");
		assertThat(this.fixtures.get(PROMOTIONS, this.fixtures.clerk(this.fixtures.practice())).json().size()).isZero();
	}

	@Test
	void quotesAFixedPlanToTheCent() {
		UUID practice = this.fixtures.practice("FIXED_24");

		Response quote = this.fixtures.post(QUOTES, this.fixtures.clerk(practice),
				"{\"amount\":5000.00,\"promotionCode\":\"FIXED_24\"}");

		assertThat(quote.status()).as(quote.body()).isEqualTo(200);
		assertThat(quote.json().path("monthlyPayment").decimalValue()).isEqualByComparingTo("242.20");
		assertThat(quote.json().path("lastPayment").decimalValue()).isEqualByComparingTo("242.08");
		assertThat(quote.json().path("numberOfPayments").asInt()).isEqualTo(24);
		assertThat(quote.json().path("totalInterest").decimalValue()).isEqualByComparingTo("812.68");
		assertThat(quote.json().path("totalCost").decimalValue()).isEqualByComparingTo("5812.68");
		assertThat(quote.json().path("promotionEndDate").asString()).isNotBlank();
	}

	@Test
	void quotesEveryEnabledPlanTheAmountQualifiesFor() {
		UUID practice = this.fixtures.practice("DEFERRED_12", "FIXED_60");

		Response small = this.fixtures.post(QUOTES, this.fixtures.clerk(practice), "{\"amount\":300.00}");
		Response large = this.fixtures.post(QUOTES, this.fixtures.clerk(practice), "{\"amount\":1000.00}");

		assertThat(small.json().path("quotes").size()).isOne();
		assertThat(small.json().path("quotes").get(0).path("monthlyPayment").decimalValue())
			.isEqualByComparingTo("25.00");
		assertThat(small.json().path("quotes").get(0).path("minimumPayment").decimalValue())
			.isEqualByComparingTo("30.00");
		assertThat(large.json().path("quotes").valueStream().map((quote) -> quote.path("promotionCode").asString()))
			.containsExactlyInAnyOrder("DEFERRED_12", "FIXED_60");
		assertThat(large.json()
			.path("quotes")
			.valueStream()
			.filter((quote) -> quote.path("promotionCode").asString().equals("FIXED_60"))
			.findFirst()
			.orElseThrow()
			.path("monthlyPayment")
			.decimalValue()).isEqualByComparingTo("25.34");
	}

	@Test
	void refusesToQuoteAPlanThePracticeDoesNotOffer() {
		Response refused = this.fixtures.post(QUOTES, this.fixtures.clerk(this.fixtures.practice("DEFERRED_12")),
				"{\"amount\":5000.00,\"promotionCode\":\"FIXED_24\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("promotion-not-enabled");
	}

}
