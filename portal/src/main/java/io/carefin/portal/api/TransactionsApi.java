package io.carefin.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * transaction-service's endpoints for the signed-in practice: credit applications, the
 * practice's plans and quotes on them, purchases, refunds and voids. Calls carry the
 * user's bearer token from the server-side session.
 */
@HttpExchange(url = "/api/transactions", accept = "application/json")
public interface TransactionsApi {

	@PostExchange("/applications")
	Application apply(@RequestBody ApplicationRequest request);

	@GetExchange("/applications/{id}")
	Application application(@PathVariable UUID id);

	/**
	 * A page of the practice's applications, newest first, with their total in the
	 * {@code X-Total-Count} header; all of them, or those with the given status.
	 */
	@GetExchange("/applications")
	ResponseEntity<List<ApplicationSummary>> applications(@RequestParam int page, @RequestParam int limit,
			@RequestParam(required = false) @Nullable String status);

	@GetExchange("/promotions")
	List<Plan> plans();

	@GetExchange("/promotions/catalogue")
	List<CataloguePlan> catalogue();

	@org.springframework.web.service.annotation.PutExchange("/promotions/{code}")
	void enable(@PathVariable String code);

	@org.springframework.web.service.annotation.DeleteExchange("/promotions/{code}")
	void disable(@PathVariable String code);

	@PostExchange("/quotes")
	Quote quote(@RequestBody QuoteRequest request);

	@PostExchange("/quotes")
	Quotes quotes(@RequestBody QuotesRequest request);

	@PostExchange("/purchases")
	Purchase purchase(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody PurchaseRequest request);

	@GetExchange("/purchases/{id}")
	Purchase purchase(@PathVariable UUID id);

	@GetExchange("/purchases")
	List<Purchase> purchases(@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to);

	/**
	 * The {@code limit} newest of the practice's purchases (1,000 at most) on one account
	 * and between two business days, when given.
	 */
	@GetExchange("/purchases")
	List<Purchase> purchases(@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam int limit);

	@PostExchange("/purchases/{id}/refunds")
	Refund refund(@PathVariable UUID id, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody RefundRequest request);

	@PostExchange("/purchases/{id}/void")
	Purchase voidPurchase(@PathVariable UUID id);

	/**
	 * A credit application for a patient; its {@code toString} leaves out everything
	 * personal.
	 *
	 * @param firstName the patient's first name
	 * @param lastName the patient's last name
	 * @param dateOfBirth the patient's date of birth
	 * @param ssn nine digits
	 * @param address the patient's address
	 * @param email the patient's e-mail address
	 * @param mobile the patient's mobile number in E.164, if given
	 * @param annualIncome yearly income
	 * @param monthlyHousingPayment rent or mortgage a month
	 * @param requestedAmount the credit asked for
	 * @param keyedBy {@code PATIENT} or {@code STAFF}
	 */
	record ApplicationRequest(String firstName, String lastName, LocalDate dateOfBirth, String ssn, Address address,
			String email, @Nullable String mobile, BigDecimal annualIncome, BigDecimal monthlyHousingPayment,
			BigDecimal requestedAmount, String keyedBy) {

		@Override
		public String toString() {
			return "ApplicationRequest[keyedBy=" + this.keyedBy + "]";
		}

	}

	/**
	 * A US postal address.
	 *
	 * @param line1 street and number
	 * @param line2 apartment or suite
	 * @param city the city
	 * @param state the two-letter state code
	 * @param postalCode the ZIP code
	 */
	record Address(String line1, @Nullable String line2, String city, String state, String postalCode) {

		@Override
		public String toString() {
			return "Address[…]";
		}

	}

	/**
	 * An application and its decision, as its practice sees it.
	 *
	 * @param applicationId the application
	 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
	 * @param reasons the decline or review reasons, as codes
	 * @param creditLimit the approved line
	 * @param accountId the approved account
	 * @param accountLast4 the last four digits of its number
	 * @param existingAccount whether the patient already held the line
	 * @param ssnLast4 the last four digits of the SSN
	 * @param requestedAmount what was asked for
	 * @param keyedBy who keyed it in
	 * @param submittedAt when
	 * @param decidedAt when it was decided
	 */
	record Application(UUID applicationId, String status, List<String> reasons, @Nullable BigDecimal creditLimit,
			@Nullable UUID accountId, @Nullable String accountLast4, boolean existingAccount, String ssnLast4,
			BigDecimal requestedAmount, String keyedBy, Instant submittedAt, @Nullable Instant decidedAt) {

		public Application {
			reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		}

	}

	/**
	 * One of the practice's applications, as its list shows it.
	 *
	 * @param applicationId the application
	 * @param practiceId the practice
	 * @param practiceName its name
	 * @param submittedAt when
	 * @param decidedAt when it was decided
	 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
	 * @param keyedBy {@code PATIENT} or {@code STAFF}
	 * @param firstName the patient's first name
	 * @param lastName the patient's last name
	 * @param ssnLast4 the last four digits of the SSN
	 * @param requestedAmount what was asked for
	 * @param creditLimit the approved line
	 * @param accountLast4 the last four digits of the approved account
	 * @param reasons the decline or review reasons, as codes
	 */
	record ApplicationSummary(UUID applicationId, @Nullable UUID practiceId, @Nullable String practiceName,
			Instant submittedAt, @Nullable Instant decidedAt, String status, String keyedBy, String firstName,
			String lastName, String ssnLast4, BigDecimal requestedAmount, @Nullable BigDecimal creditLimit,
			@Nullable String accountLast4, List<String> reasons) {

		public ApplicationSummary {
			reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		}

		public String patient() {
			return this.firstName + " " + this.lastName;
		}

	}

	/**
	 * A plan the practice offers.
	 *
	 * @param code such as {@code DEFERRED_12}
	 * @param version the version of its terms (and so of its disclosure)
	 * @param name its name
	 * @param kind {@code DEFERRED_INTEREST} or {@code REDUCED_APR}
	 * @param months its length
	 * @param apr its APR
	 * @param standardApr the standard APR
	 * @param minimumAmount the least purchase it finances
	 * @param merchantFeeRate the practice's fee, in percent
	 */
	record Plan(String code, int version, String name, String kind, int months, BigDecimal apr, BigDecimal standardApr,
			BigDecimal minimumAmount, @Nullable BigDecimal merchantFeeRate) {

		public boolean deferred() {
			return this.kind.startsWith("DEFERRED");
		}

	}

	/**
	 * A plan of the catalogue, and whether the practice offers it.
	 *
	 * @param code such as {@code DEFERRED_12}
	 * @param name its name
	 * @param kind {@code DEFERRED_INTEREST} or {@code REDUCED_APR}
	 * @param months its length
	 * @param apr its APR
	 * @param minimumAmount the least purchase it finances
	 * @param merchantFeeRate the practice's fee as a fraction of the purchase
	 * @param enabled whether the practice offers it
	 */
	record CataloguePlan(String code, String name, String kind, int months, BigDecimal apr, BigDecimal minimumAmount,
			BigDecimal merchantFeeRate, boolean enabled) {

	}

	/**
	 * A quote request.
	 *
	 * @param amount the purchase amount
	 * @param promotionCode the plan
	 */
	record QuoteRequest(BigDecimal amount, String promotionCode) {

	}

	/**
	 * A request for a quote on every plan the practice offers.
	 *
	 * @param amount the purchase amount
	 */
	record QuotesRequest(BigDecimal amount) {

	}

	/**
	 * Quotes on the practice's plans whose minimum the amount reaches.
	 *
	 * @param quotes one per plan
	 */
	record Quotes(List<Quote> quotes) {

		public Quotes {
			quotes = (quotes != null) ? List.copyOf(quotes) : List.of();
		}

	}

	/**
	 * The API calculator's quote.
	 *
	 * @param promotionCode the plan
	 * @param amount the amount
	 * @param monthlyPayment the monthly payment
	 * @param numberOfPayments how many
	 * @param lastPayment the last payment
	 * @param totalInterest the interest
	 * @param totalCost amount plus interest
	 * @param minimumPayment the least due a month
	 * @param apr the APR
	 * @param promotionEndDate when the promotion ends
	 * @param minimumMet whether the amount reaches the plan's minimum
	 */
	record Quote(String promotionCode, BigDecimal amount, BigDecimal monthlyPayment, int numberOfPayments,
			BigDecimal lastPayment, BigDecimal totalInterest, BigDecimal totalCost, BigDecimal minimumPayment,
			BigDecimal apr, @Nullable LocalDate promotionEndDate, boolean minimumMet) {

	}

	/**
	 * A purchase on an account the practice knows.
	 *
	 * @param accountId the account
	 * @param amount the amount
	 * @param promotionCode the plan
	 * @param disclosureVersion the version of the plan's disclosure the patient accepted
	 */
	record PurchaseRequest(UUID accountId, BigDecimal amount, String promotionCode, String disclosureVersion) {

	}

	/**
	 * A plan's terms at the time of a purchase.
	 *
	 * @param code the plan
	 * @param kind its kind
	 * @param months its length
	 * @param apr its APR
	 * @param standardApr the standard APR
	 */
	record PlanTerms(String code, String kind, int months, BigDecimal apr, BigDecimal standardApr) {

	}

	/**
	 * A purchase as the practice sees it.
	 *
	 * @param purchaseId the purchase
	 * @param status {@code APPROVED}, {@code DECLINED}, {@code VOIDED} or {@code SETTLED}
	 * @param authorizationCode the approval's code
	 * @param declineReason why it was declined
	 * @param accountId the account
	 * @param accountLast4 the last four digits of its number
	 * @param amount the amount
	 * @param refunded refunded so far
	 * @param remaining what is left to refund or void
	 * @param promotionCode the plan
	 * @param plan the plan's terms
	 * @param createdAt when
	 * @param businessDate the practice's business day
	 * @param settlementDate when it settled
	 * @param merchantFee the fee at settlement
	 * @param netFunding what the practice was paid
	 * @param disclosureVersion the version of the plan's disclosure the patient accepted,
	 * none for a purchase made before the API kept it
	 */
	record Purchase(UUID purchaseId, String status, @Nullable String authorizationCode, @Nullable String declineReason,
			UUID accountId, String accountLast4, BigDecimal amount, BigDecimal refunded, @Nullable BigDecimal remaining,
			String promotionCode, PlanTerms plan, Instant createdAt, LocalDate businessDate,
			@Nullable LocalDate settlementDate, @Nullable BigDecimal merchantFee, @Nullable BigDecimal netFunding,
			@Nullable String disclosureVersion) {

		public boolean approved() {
			return "APPROVED".equals(this.status);
		}

		public boolean refundable() {
			return ("APPROVED".equals(this.status) || "SETTLED".equals(this.status)) && this.remaining != null
					&& this.remaining.signum() > 0;
		}

	}

	/**
	 * A refund to issue.
	 *
	 * @param amount the amount
	 */
	record RefundRequest(BigDecimal amount) {

	}

	/**
	 * An issued refund.
	 *
	 * @param refundId the refund
	 * @param purchaseId its purchase
	 * @param amount the amount
	 * @param refunded everything refunded on the purchase
	 * @param remaining what is left of the purchase
	 */
	record Refund(UUID refundId, UUID purchaseId, BigDecimal amount, BigDecimal refunded, BigDecimal remaining) {

	}

}
