package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.contracts.transaction.Patient;
import io.carefin.transaction.BusinessDays;
import io.carefin.transaction.Refusal;
import io.carefin.transaction.creditline.CreditLines;
import io.carefin.transaction.creditline.OpenedCreditLine;
import io.carefin.transaction.privacy.FieldEncryption;

/**
 * Submits credit applications to the decision engine, opens the credit line an approval
 * grants, and records support's decision on applications pending review, each in one
 * transaction with its event.
 */
@Service
class ApplicationService {

	private final CreditApplications applications;

	private final CreditBureau bureau;

	private final DecisionEngine engine;

	private final CreditLines creditLines;

	private final FieldEncryption encryption;

	private final BusinessDays businessDays;

	private final ApplicationRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicationService(CreditApplications applications, CreditBureau bureau, DecisionEngine engine,
			CreditLines creditLines, FieldEncryption encryption, BusinessDays businessDays, ApplicationRules rules,
			ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.bureau = bureau;
		this.engine = engine;
		this.creditLines = creditLines;
		this.encryption = encryption;
		this.businessDays = businessDays;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Decides a new application, or returns the person's application at this practice
	 * from the last {@link ApplicationRules#duplicateWindow()}.
	 */
	@Transactional
	Submitted submit(UUID practiceId, String practiceName, ApplicationRequest request) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String ssn = request.ssnDigits();
		String ssnHash = this.encryption.fingerprint("ssn:" + ssn);
		var existing = this.applications.latestOfPerson(practiceId, ssnHash, request.dateOfBirth(),
				now.minus(this.rules.duplicateWindow()));
		if (existing.isPresent()) {
			return new Submitted(existing.get(), false);
		}
		LocalDate today = this.businessDays.dayOf(practiceId, now);
		Decision decision = this.engine.decide(request.dateOfBirth(), request.annualIncome(),
				request.monthlyHousingPayment(), this.bureau.report(ssn, request.dateOfBirth()), today);
		OpenedCreditLine line = (decision instanceof Decision.Approved approved)
				? this.creditLines.open(practiceId, approved.creditLimit()) : null;
		CreditApplication application = new CreditApplication(UUID.randomUUID(), practiceId, practiceName, now,
				request.keyedBy().name(),
				new Patient(request.firstName(), request.lastName(), request.email(), request.mobile()),
				request.dateOfBirth(),
				new Address(request.address().line1(), request.address().line2(), request.address().city(),
						request.address().state(), request.address().postalCode()),
				ssn.substring(5), request.annualIncome(), request.monthlyHousingPayment(),
				request.requestedAmount().setScale(2), status(decision), reasons(decision),
				(decision instanceof Decision.Approved approved) ? approved.creditLimit() : null,
				(line != null) ? line.accountId() : null, (line != null) ? line.accountLast4() : null,
				(decision instanceof Decision.PendingReview) ? null : now, false);
		this.applications.add(application, this.encryption.encrypt(ssn), ssnHash);
		publish(application, decision, line, now);
		return new Submitted(application, true);
	}

	/**
	 * Records support's decision on an application pending review.
	 */
	@Transactional
	CreditApplication review(UUID applicationId, boolean approve, @Nullable BigDecimal creditLimit,
			List<String> reasons, String reviewer) {
		CreditApplication application = this.applications.lock(applicationId)
			.orElseThrow(() -> Refusal.notFound("application"));
		if (!"PENDING_REVIEW".equals(application.status())) {
			throw Refusal.conflict("application-already-decided",
					"This application was already decided (" + application.status() + ").");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Decision decision = approve
				? new Decision.Approved((creditLimit != null) ? creditLimit.setScale(2)
						: this.engine.reviewLimit(application.requestedAmount()))
				: new Decision.Declined(reasons.isEmpty() ? List.of("DECLINED_AFTER_REVIEW") : List.copyOf(reasons));
		OpenedCreditLine line = (decision instanceof Decision.Approved approved)
				? this.creditLines.open(application.practiceId(), approved.creditLimit()) : null;
		this.applications.decided(applicationId, status(decision), reasons(decision),
				(decision instanceof Decision.Approved approved) ? approved.creditLimit() : null,
				(line != null) ? line.accountId() : null, now, reviewer);
		CreditApplication decided = this.applications.lock(applicationId).orElseThrow();
		publish(decided, decision, line, now);
		return decided;
	}

	@Transactional(readOnly = true)
	CreditApplication get(UUID practiceId, UUID applicationId) {
		return this.applications.ofPractice(applicationId, practiceId)
			.orElseThrow(() -> Refusal.notFound("application"));
	}

	private void publish(CreditApplication application, Decision decision, @Nullable OpenedCreditLine line,
			Instant now) {
		switch (decision) {
			case Decision.Approved approved -> this.events.publishEvent(new ApplicationApproved(UUID.randomUUID(), now,
					application.id(), application.practiceId(), application.practiceName(), application.submittedAt(),
					application.keyedBy(), application.requestedAmount(), application.reviewed(), application.patient(),
					application.dateOfBirth(), application.address(), line.accountId(), line.accountLast4(),
					line.accountNumberHash(), approved.creditLimit()));
			case Decision.Declined declined -> this.events.publishEvent(new ApplicationDeclined(UUID.randomUUID(), now,
					application.id(), application.practiceId(), application.practiceName(), application.submittedAt(),
					application.keyedBy(), application.requestedAmount(), application.reviewed(), application.patient(),
					declined.reasons()));
			case Decision.PendingReview pending ->
				this.events.publishEvent(new ApplicationPendingReview(UUID.randomUUID(), now, application.id(),
						application.practiceId(), application.practiceName(), application.submittedAt(),
						application.keyedBy(), application.requestedAmount(), application.patient()));
		}
	}

	private static String status(Decision decision) {
		return switch (decision) {
			case Decision.Approved approved -> "APPROVED";
			case Decision.Declined declined -> "DECLINED";
			case Decision.PendingReview pending -> "PENDING_REVIEW";
		};
	}

	private static List<String> reasons(Decision decision) {
		return switch (decision) {
			case Decision.Approved approved -> List.of();
			case Decision.Declined declined -> declined.reasons();
			case Decision.PendingReview pending -> pending.reasons();
		};
	}

	/**
	 * An application as submitted: new, or the person's recent one at the practice.
	 *
	 * @param application the application
	 * @param created whether it is new
	 */
	record Submitted(CreditApplication application, boolean created) {
	}

}
