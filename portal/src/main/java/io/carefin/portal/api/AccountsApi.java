package io.carefin.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * account-service's endpoints for the signed-in practice: looking a patient's account up,
 * its balances, promotions, activity and payments. Calls carry the user's bearer token
 * from the server-side session.
 */
@HttpExchange(url = "/api/accounts", accept = "application/json")
public interface AccountsApi {

	/**
	 * The accounts of the practice's patients that match, found by a POST so that the
	 * date of birth never travels in a URL.
	 */
	@PostExchange("/lookup")
	List<Match> lookup(@RequestBody Lookup lookup);

	/**
	 * The practice's open deferred promotions that end within the given days, soonest
	 * first.
	 */
	@GetExchange("/promotions/ending")
	List<EndingPromotion> endingPromotions(@RequestParam int days, @RequestParam int limit);

	/**
	 * A fixed-payment promotion's schedule; 404 for a deferred one or another practice's.
	 */
	@GetExchange("/{accountId}/promotions/{purchaseId}/schedule")
	Schedule schedule(@PathVariable UUID accountId, @PathVariable UUID purchaseId);

	@GetExchange("/{id}")
	Summary account(@PathVariable UUID id);

	@GetExchange("/{id}/activity")
	List<Activity> activity(@PathVariable UUID id);

	@GetExchange("/{id}/payments")
	List<Payment> payments(@PathVariable UUID id);

	@PostExchange("/{id}/payments")
	Payment pay(@PathVariable UUID id, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody PaymentRequest request);

	/**
	 * A lookup: the last name and date of birth, or the account number; its
	 * {@code toString} leaves out what it holds.
	 *
	 * @param lastName the patient's last name
	 * @param dateOfBirth the date of birth, as {@code YYYY-MM-DD}
	 * @param accountNumber the 16 digits
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Lookup(@Nullable String lastName, @Nullable String dateOfBirth, @Nullable String accountNumber) {

		public static Lookup byName(String lastName, String dateOfBirth) {
			return new Lookup(lastName, dateOfBirth, null);
		}

		public static Lookup byNumber(String accountNumber) {
			return new Lookup(null, null, accountNumber);
		}

		@Override
		public String toString() {
			return "Lookup[]";
		}

	}

	/**
	 * A deferred promotion that ends soon.
	 *
	 * @param accountId the patient's account
	 * @param last4 the last four digits of its number
	 * @param patient the patient
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param endDate when the promotion ends
	 * @param remaining what is left to pay
	 * @param monthlyPayoff what to pay a month to clear it in time
	 */
	record EndingPromotion(UUID accountId, String last4, Patient patient, UUID purchaseId, String planCode,
			LocalDate endDate, BigDecimal remaining, @Nullable BigDecimal monthlyPayoff) {

	}

	/**
	 * A fixed-payment promotion's amortisation schedule.
	 *
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param principal the amount financed
	 * @param apr its APR
	 * @param monthlyPayment the payment a month
	 * @param lastPayment the last payment, which absorbs the rounding
	 * @param numberOfPayments how many
	 * @param totalInterest the interest over the plan
	 * @param totalCost principal and interest
	 * @param installments each payment
	 */
	record Schedule(UUID purchaseId, String planCode, BigDecimal principal, BigDecimal apr, BigDecimal monthlyPayment,
			BigDecimal lastPayment, int numberOfPayments, BigDecimal totalInterest, BigDecimal totalCost,
			List<Installment> installments) {

		public Schedule {
			installments = (installments != null) ? List.copyOf(installments) : List.of();
		}

	}

	/**
	 * One payment of a schedule.
	 *
	 * @param number 1 for the first
	 * @param payment what is paid
	 * @param interest its interest
	 * @param principal what it repays of the purchase
	 * @param balanceAfter what is left after it
	 */
	record Installment(int number, BigDecimal payment, BigDecimal interest, BigDecimal principal,
			BigDecimal balanceAfter) {

	}

	/**
	 * A payment the patient made at the practice.
	 *
	 * @param amount the amount paid
	 */
	record PaymentRequest(BigDecimal amount) {

	}

	/**
	 * The patient as the practice sees them; the date of birth is never shown by the
	 * portal.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param birthYear year of birth
	 */
	record Patient(String firstName, String lastName, int birthYear) {

		public String name() {
			return this.firstName + " " + this.lastName;
		}

	}

	/**
	 * An account a lookup found.
	 *
	 * @param accountId the account
	 * @param last4 the last four digits of its number
	 * @param status its status
	 * @param patient its patient
	 */
	record Match(UUID accountId, String last4, String status, Patient patient) {

	}

	/**
	 * An account at a glance.
	 *
	 * @param accountId the account
	 * @param last4 the last four digits
	 * @param status {@code ACTIVE}, …
	 * @param patient its patient
	 * @param creditLimit the limit
	 * @param balance what is owed
	 * @param availableCredit the limit less the balance
	 * @param businessDate the day the figures are for
	 * @param promotions each purchase's promotional balance
	 */
	record Summary(UUID accountId, String last4, String status, Patient patient, BigDecimal creditLimit,
			BigDecimal balance, BigDecimal availableCredit, LocalDate businessDate, List<Promotion> promotions) {

		public Summary {
			promotions = (promotions != null) ? List.copyOf(promotions) : List.of();
		}

	}

	/**
	 * One promotional balance.
	 *
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param kind {@code DEFERRED_INTEREST} or {@code REDUCED_APR}
	 * @param practiceName where it was bought
	 * @param authorizationCode the purchase's code
	 * @param purchaseDate the purchase's day
	 * @param endDate the promotion's end
	 * @param amount the purchase amount
	 * @param remaining what is left
	 * @param apr its APR
	 * @param status {@code OPEN}, {@code PAID_IN_FULL}, {@code EXPIRED} or {@code VOIDED}
	 * @param monthlyPayoff what pays it off in time, a month
	 * @param minimumDue the least due a month
	 */
	record Promotion(UUID purchaseId, String planCode, String kind, @Nullable String practiceName,
			@Nullable String authorizationCode, LocalDate purchaseDate, LocalDate endDate, BigDecimal amount,
			BigDecimal remaining, BigDecimal apr, String status, @Nullable BigDecimal monthlyPayoff,
			@Nullable BigDecimal minimumDue) {

		public boolean deferred() {
			return this.kind.startsWith("DEFERRED");
		}

		public boolean open() {
			return "OPEN".equals(this.status);
		}

	}

	/**
	 * An entry of the account's activity.
	 *
	 * @param entryId the entry
	 * @param kind what it records
	 * @param amount positive for a charge, negative for a credit
	 * @param occurredAt when
	 * @param businessDate the business day
	 * @param purchaseId its purchase
	 * @param planCode its plan
	 * @param authorizationCode its authorisation code
	 * @param description what happened
	 */
	record Activity(UUID entryId, String kind, BigDecimal amount, Instant occurredAt, @Nullable LocalDate businessDate,
			@Nullable UUID purchaseId, @Nullable String planCode, @Nullable String authorizationCode,
			@Nullable String description) {

	}

	/**
	 * A payment posted to the account.
	 *
	 * @param paymentId the payment
	 * @param amount the amount
	 * @param postedAt when
	 * @param businessDate its business day
	 */
	record Payment(UUID paymentId, BigDecimal amount, Instant postedAt, LocalDate businessDate) {

	}

}
