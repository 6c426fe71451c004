package io.carefin.account.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.account.account.Account;
import io.carefin.account.account.PatientProfile;
import io.carefin.account.account.Viewer;
import io.carefin.account.ledger.PromotionBalance;
import io.carefin.financing.AmortizationSchedule;
import io.carefin.financing.Installment;

/**
 * The account as the API shows it; support staff see it masked (no full date of birth, no
 * contact).
 */
final class AccountViews {

	private AccountViews() {
	}

	static Patient patient(PatientProfile profile, Viewer viewer) {
		if (viewer.support()) {
			return new Patient(profile.firstName(), profile.lastName(), null, profile.dateOfBirth().getYear(), null,
					null);
		}
		return new Patient(profile.firstName(), profile.lastName(), profile.dateOfBirth(),
				profile.dateOfBirth().getYear(), profile.email(), profile.mobile());
	}

	static Match match(Account account, Viewer viewer) {
		return new Match(account.id(), account.last4(), account.status(), patient(account.patient(), viewer));
	}

	/**
	 * The account at a glance for a viewer, with the promotional balances it may see:
	 * support the account's whole balance, a practice what is owed on its own purchases.
	 * Both see the credit limit and the available credit, which a sale depends on.
	 */
	static Summary summary(Account account, List<PromotionBalance> balances, LocalDate day, Viewer viewer) {
		BigDecimal owed = viewer.support() ? account.balance()
				: balances.stream()
					.map(PromotionBalance::remaining)
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.setScale(2);
		return new Summary(account.id(), account.last4(), account.status(), patient(account.patient(), viewer),
				account.creditLimit(), owed, account.availableCredit(), day,
				balances.stream().map((balance) -> promotion(balance, day)).toList());
	}

	static Promotion promotion(PromotionBalance balance, LocalDate day) {
		boolean live = PromotionBalance.OPEN.equals(balance.status())
				|| PromotionBalance.EXPIRED.equals(balance.status());
		return new Promotion(balance.purchaseId(), balance.planCode(), balance.kind().name(), balance.practiceName(),
				balance.authorizationCode(), balance.startDate(), balance.endDate(), balance.amount(),
				balance.remaining(), balance.apr(), balance.standardApr(), balance.status(),
				live ? balance.monthlyPayoff(day) : null, live ? balance.minimumDue(day) : null,
				balance.deferredPromotionRunning() ? balance.shadowInterest() : null);
	}

	/**
	 * A promotion ending soon on an account, with the figures the account's promotions
	 * show for it on the account's business date.
	 */
	static EndingPromotion ending(Account account, PromotionBalance balance, LocalDate day) {
		Promotion promotion = promotion(balance, day);
		PatientProfile patient = account.patient();
		return new EndingPromotion(account.id(), account.last4(),
				new PatientName(patient.firstName(), patient.lastName(), patient.dateOfBirth().getYear()),
				promotion.purchaseId(), promotion.planCode(), promotion.endDate(), promotion.remaining(),
				Objects.requireNonNull(promotion.monthlyPayoff(), "a running promotion has a monthly payoff"));
	}

	static Schedule schedule(PromotionBalance balance, AmortizationSchedule schedule) {
		return new Schedule(balance.purchaseId(), balance.planCode(), schedule.principal(), schedule.apr(),
				schedule.monthlyPayment(), schedule.lastPayment(), schedule.numberOfPayments(),
				schedule.totalInterest(), schedule.totalCost(), schedule.installments());
	}

	/**
	 * The patient as the viewer may see them.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param dateOfBirth the date of birth, for the practice only
	 * @param birthYear the year of birth
	 * @param email the e-mail address, for the practice only
	 * @param mobile the mobile number, for the practice only
	 */
	record Patient(String firstName, String lastName, @Nullable LocalDate dateOfBirth, int birthYear,
			@Nullable String email, @Nullable String mobile) {
	}

	/**
	 * The patient as a list of accounts names them: no date of birth, no contact.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param birthYear the year of birth
	 */
	record PatientName(String firstName, String lastName, int birthYear) {
	}

	/**
	 * A deferred-interest promotion of the practice ending soon, with what clears it in
	 * time.
	 *
	 * @param accountId the account
	 * @param last4 the last four digits of its number
	 * @param patient its patient
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param endDate the promotion's end date
	 * @param remaining what is left
	 * @param monthlyPayoff the monthly amount that pays it off in time
	 */
	record EndingPromotion(UUID accountId, String last4, PatientName patient, UUID purchaseId, String planCode,
			LocalDate endDate, BigDecimal remaining, BigDecimal monthlyPayoff) {
	}

	/**
	 * An account found by a lookup.
	 *
	 * @param accountId the account
	 * @param last4 the last four digits of its number
	 * @param status its status
	 * @param patient its patient
	 */
	record Match(UUID accountId, String last4, String status, Patient patient) {
	}

	/**
	 * The account at a glance.
	 *
	 * @param accountId the account
	 * @param last4 the last four digits of its number
	 * @param status {@code ACTIVE}, …
	 * @param patient its patient
	 * @param creditLimit the limit
	 * @param balance what is owed: the sum of the ledger (for a practice, the sum of its
	 * own purchases' balances)
	 * @param availableCredit the limit less the balance
	 * @param businessDate the business day the figures are for
	 * @param promotions each purchase's promotional balance
	 */
	record Summary(UUID accountId, String last4, String status, Patient patient, BigDecimal creditLimit,
			BigDecimal balance, BigDecimal availableCredit, LocalDate businessDate, List<Promotion> promotions) {
	}

	/**
	 * One promotional balance.
	 *
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param kind {@code DEFERRED_INTEREST} or {@code REDUCED_APR}
	 * @param practiceName where it was bought
	 * @param authorizationCode the purchase's code
	 * @param purchaseDate the purchase's business day
	 * @param endDate the promotion's end date
	 * @param amount the purchase amount
	 * @param remaining what is left
	 * @param apr the plan's APR
	 * @param standardApr the standard APR
	 * @param status {@code OPEN}, {@code PAID_IN_FULL}, {@code EXPIRED} or {@code VOIDED}
	 * @param monthlyPayoff the monthly amount that pays it off in time
	 * @param minimumDue the least due each month
	 * @param accruedDeferredInterest deferred interest accrued so far, charged if not
	 * paid in full by the end date
	 */
	record Promotion(UUID purchaseId, String planCode, String kind, String practiceName, String authorizationCode,
			LocalDate purchaseDate, LocalDate endDate, BigDecimal amount, BigDecimal remaining, BigDecimal apr,
			BigDecimal standardApr, String status, @Nullable BigDecimal monthlyPayoff, @Nullable BigDecimal minimumDue,
			@Nullable BigDecimal accruedDeferredInterest) {
	}

	/**
	 * A fixed-payment plan's amortisation schedule.
	 *
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param principal the amount financed
	 * @param apr the APR
	 * @param monthlyPayment each month's payment
	 * @param lastPayment the last payment
	 * @param numberOfPayments how many payments
	 * @param totalInterest the interest over the schedule
	 * @param totalCost principal plus interest
	 * @param installments each payment
	 */
	record Schedule(UUID purchaseId, String planCode, BigDecimal principal, BigDecimal apr, BigDecimal monthlyPayment,
			BigDecimal lastPayment, int numberOfPayments, BigDecimal totalInterest, BigDecimal totalCost,
			List<Installment> installments) {
	}

	/**
	 * An entry of the activity.
	 *
	 * @param entryId the entry
	 * @param kind what it records
	 * @param amount positive for a charge, negative for a credit
	 * @param occurredAt when
	 * @param businessDate the business day
	 * @param purchaseId the purchase
	 * @param planCode its plan
	 * @param practiceName where it was bought
	 * @param authorizationCode its authorisation code
	 * @param paymentId the payment
	 * @param description what happened
	 */
	record Activity(UUID entryId, String kind, BigDecimal amount, Instant occurredAt, @Nullable LocalDate businessDate,
			@Nullable UUID purchaseId, @Nullable String planCode, @Nullable String practiceName,
			@Nullable String authorizationCode, @Nullable UUID paymentId, @Nullable String description) {
	}

}
