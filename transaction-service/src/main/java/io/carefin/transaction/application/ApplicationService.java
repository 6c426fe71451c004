package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.CreditLineOpened;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.contracts.transaction.Patient;
import io.carefin.transaction.BusinessDays;
import io.carefin.transaction.Refusal;
import io.carefin.transaction.creditline.CreditLine;
import io.carefin.transaction.creditline.CreditLines;
import io.carefin.transaction.creditline.OpenedCreditLine;
import io.carefin.transaction.practice.Practices;
import io.carefin.transaction.privacy.FieldEncryption;

/**
 * Submits credit applications to the decision engine, grants the credit line an approval
 * gives (the person's one line: opened on their first approval, found on every later
 * one), and records support's decision on applications pending review, each in one
 * transaction with its event. A person's application at another practice within the
 * duplicate window takes the decision of their latest one without asking the bureau. A
 * closed practice submits no new application.
 */
@Service
class ApplicationService {

	/**
	 * The meter counting the credit files asked of the bureau.
	 */
	static final String BUREAU_REPORTS = "carefin.applications.bureau.reports";

	private final CreditApplications applications;

	private final CreditBureau bureau;

	private final DecisionEngine engine;

	private final CreditLines creditLines;

	private final FieldEncryption encryption;

	private final BusinessDays businessDays;

	private final ApplicationRules rules;

	private final Practices practices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Counter bureauReports;

	ApplicationService(CreditApplications applications, CreditBureau bureau, DecisionEngine engine,
			CreditLines creditLines, FieldEncryption encryption, BusinessDays businessDays, ApplicationRules rules,
			Practices practices, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.applications = applications;
		this.bureau = bureau;
		this.engine = engine;
		this.creditLines = creditLines;
		this.encryption = encryption;
		this.businessDays = businessDays;
		this.rules = rules;
		this.practices = practices;
		this.events = events;
		this.clock = clock;
		this.bureauReports = Counter.builder(BUREAU_REPORTS)
			.description("Credit files asked of the bureau for applications")
			.register(meters);
	}

	/**
	 * Returns the person's application at this practice from the last
	 * {@link ApplicationRules#duplicateWindow()}; or records a new one, decided as the
	 * person's latest application at another practice in that window was, or else by the
	 * decision engine.
	 */
	@Transactional
	Submitted submit(UUID practiceId, String practiceName, ApplicationRequest request) {
		this.practices.checkOpen(practiceId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String ssn = request.ssnDigits();
		String ssnHash = this.encryption.fingerprint("ssn:" + ssn);
		LocalDate dateOfBirth = request.dateOfBirth();
		this.applications.lockPerson(ssnHash, dateOfBirth);
		Instant since = now.minus(this.rules.duplicateWindow());
		var here = this.applications.latestOfPerson(practiceId, ssnHash, dateOfBirth, since);
		if (here.isPresent()) {
			return new Submitted(here.get(), false);
		}
		CreditLine held = heldLine(ssnHash, dateOfBirth);
		CreditApplication recent = this.applications.latestOfPerson(ssnHash, dateOfBirth, since)
			.filter((application) -> !"APPROVED".equals(application.status()) || held != null)
			.orElse(null);
		Decision decision = (recent != null) ? decisionOf(recent) : decide(practiceId, request, ssn, now);
		Line line = (decision instanceof Decision.Approved approved) ? grant(practiceId, held, approved.creditLimit())
				: null;
		CreditApplication application = new CreditApplication(UUID.randomUUID(), practiceId, practiceName, now,
				request.keyedBy().name(),
				new Patient(request.firstName(), request.lastName(), request.email(), request.mobile()), dateOfBirth,
				new Address(request.address().line1(), request.address().line2(), request.address().city(),
						request.address().state(), request.address().postalCode()),
				ssnHash, ssn.substring(5), request.annualIncome(), request.monthlyHousingPayment(),
				request.requestedAmount().setScale(2), status(decision), reasons(decision),
				(line != null) ? line.creditLimit() : null, (line != null) ? line.accountId() : null,
				(line != null) ? line.accountLast4() : null, line != null && line.existing(),
				(decision instanceof Decision.PendingReview) ? null : now, false,
				(recent != null) ? recent.id() : null);
		this.applications.add(application, this.encryption.encrypt(ssn));
		publish(application, decision, line, now);
		return new Submitted(application, true);
	}

	/**
	 * Records support's decision on an application pending review. An approval for a
	 * person who already holds an active credit line answers that line as it is.
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
		this.applications.lockPerson(application.ssnHash(), application.dateOfBirth());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Decision decision = approve
				? new Decision.Approved((creditLimit != null) ? creditLimit.setScale(2)
						: this.engine.reviewLimit(application.requestedAmount()))
				: new Decision.Declined(reasons.isEmpty() ? List.of("DECLINED_AFTER_REVIEW") : List.copyOf(reasons));
		Line line = (decision instanceof Decision.Approved approved) ? grant(application.practiceId(),
				heldLine(application.ssnHash(), application.dateOfBirth()), approved.creditLimit()) : null;
		this.applications.decided(applicationId, status(decision), reasons(decision),
				(line != null) ? line.creditLimit() : null, (line != null) ? line.accountId() : null,
				line != null && line.existing(), now, reviewer);
		CreditApplication decided = this.applications.lock(applicationId).orElseThrow();
		publish(decided, decision, line, now);
		return decided;
	}

	@Transactional(readOnly = true)
	CreditApplication get(UUID practiceId, UUID applicationId) {
		return this.applications.ofPractice(applicationId, practiceId)
			.orElseThrow(() -> Refusal.notFound("application"));
	}

	/**
	 * A page of applications, newest first: the practice's, or every practice's for
	 * support; all of them, or those with one status.
	 */
	@Transactional(readOnly = true)
	CreditApplications.Page list(@Nullable UUID practiceId, @Nullable String status, int page, int limit) {
		return this.applications.list(practiceId, status, page, limit);
	}

	private Decision decide(UUID practiceId, ApplicationRequest request, String ssn, Instant now) {
		this.bureauReports.increment();
		CreditBureau.Report report = this.bureau.report(ssn, request.dateOfBirth());
		return this.engine.decide(request.dateOfBirth(), request.annualIncome(), request.monthlyHousingPayment(),
				report, this.businessDays.dayOf(practiceId, now));
	}

	private @Nullable CreditLine heldLine(String ssnHash, LocalDate dateOfBirth) {
		return this.applications.activeAccountOfPerson(ssnHash, dateOfBirth)
			.flatMap(this.creditLines::find)
			.orElse(null);
	}

	/**
	 * The credit line an approval grants: the one the person holds, which the practice
	 * may use from now on, or a new one with the limit approved.
	 */
	private Line grant(UUID practiceId, @Nullable CreditLine held, BigDecimal limit) {
		if (held != null) {
			this.creditLines.relate(practiceId, held.accountId());
			return new Line(held.accountId(), held.accountLast4(), held.accountNumberHash(), held.creditLimit(), true);
		}
		OpenedCreditLine opened = this.creditLines.open(practiceId, limit);
		return new Line(opened.accountId(), opened.accountLast4(), opened.accountNumberHash(), limit, false);
	}

	private static Decision decisionOf(CreditApplication application) {
		return switch (application.status()) {
			case "APPROVED" -> new Decision.Approved(Objects.requireNonNull(application.creditLimit()));
			case "DECLINED" -> new Decision.Declined(application.reasons());
			default -> new Decision.PendingReview(application.reasons());
		};
	}

	private void publish(CreditApplication application, Decision decision, @Nullable Line line, Instant now) {
		switch (decision) {
			case Decision.Approved approved -> {
				if (!line.existing()) {
					// the date of birth and address go only to account-service, on a
					// topic of their own
					this.events.publishEvent(new CreditLineOpened(UUID.randomUUID(), now, line.accountId(),
							application.id(), application.practiceId(), application.practiceName(),
							application.patient(), application.dateOfBirth(), application.address(),
							line.accountLast4(), line.accountNumberHash(), line.creditLimit()));
				}
				this.events.publishEvent(new ApplicationApproved(UUID.randomUUID(), now, application.id(),
						application.practiceId(), application.practiceName(), application.submittedAt(),
						application.keyedBy(), application.requestedAmount(), application.reviewed(),
						application.patient(), null, null, line.accountId(), line.accountLast4(),
						line.accountNumberHash(), line.creditLimit(), line.existing()));
			}
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

	/**
	 * The credit line an approval answers.
	 *
	 * @param accountId the account's id
	 * @param accountLast4 the last four digits of its number
	 * @param accountNumberHash the keyed lookup hash of its number
	 * @param creditLimit its limit: as approved for a new line, as it is for a held one
	 * @param existing whether the person already held it
	 */
	private record Line(UUID accountId, String accountLast4, String accountNumberHash, BigDecimal creditLimit,
			boolean existing) {
	}

}
