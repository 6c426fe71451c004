package io.carefin.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.Topics;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.auth.SignInFailed;
import io.carefin.contracts.auth.SignInSucceeded;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.contracts.transaction.Patient;
import io.carefin.contracts.transaction.PlanTerms;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseDeclined;
import io.carefin.contracts.transaction.PurchaseSettled;
import io.carefin.contracts.transaction.PurchaseVoided;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.testsupport.KafkaTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Events as their producers write them, for one practice, and a way to send them and wait
 * until the service has applied them.
 */
final class ReportingFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Patient PATIENT = new Patient("Maria", "Lopez", "maria.lopez@example.com", null);

	private final UUID practiceId;

	private final List<DomainEvent> sent = new ArrayList<>();

	ReportingFixtures(UUID practiceId) {
		this.practiceId = practiceId;
	}

	UUID practiceId() {
		return this.practiceId;
	}

	/**
	 * Sends each event (as its producer would: JSON keyed by its aggregate) and remembers
	 * it.
	 */
	void send(DomainEvent... events) {
		for (DomainEvent event : events) {
			KafkaTestClient.send(event.topic(), event.aggregateId(), json(event));
			this.sent.add(event);
		}
	}

	/**
	 * Waits until every event sent so far is recorded as processed.
	 */
	void awaitApplied(JdbcClient jdbc) {
		List<UUID> ids = this.sent.stream().map(DomainEvent::eventId).distinct().toList();
		await().atMost(java.time.Duration.ofSeconds(60))
			.until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (:ids)")
				.param("ids", ids)
				.query(Integer.class)
				.single() == ids.size());
	}

	List<DomainEvent> sent() {
		return List.copyOf(this.sent);
	}

	static String json(DomainEvent event) {
		return JSON.writerFor(Topics.FAMILIES.get(event.topic())).writeValueAsString(event);
	}

	ApplicationApproved approved(UUID applicationId, String submittedAt, String occurredAt, String keyedBy,
			boolean reviewed) {
		return new ApplicationApproved(UUID.randomUUID(), Instant.parse(occurredAt), applicationId, this.practiceId,
				"Practice", Instant.parse(submittedAt), keyedBy, new BigDecimal("4000.00"), reviewed, PATIENT,
				LocalDate.of(1984, 3, 9), new Address("12 Elm Street", null, "Springfield", "IL", "62704"),
				UUID.randomUUID(), "4242", "9f2c", new BigDecimal("5000.00"), false);
	}

	ApplicationDeclined declined(UUID applicationId, String submittedAt, String occurredAt, String keyedBy,
			boolean reviewed, String... reasons) {
		return new ApplicationDeclined(UUID.randomUUID(), Instant.parse(occurredAt), applicationId, this.practiceId,
				"Practice", Instant.parse(submittedAt), keyedBy, new BigDecimal("2500.00"), reviewed, PATIENT,
				List.of(reasons));
	}

	ApplicationPendingReview pending(UUID applicationId, String submittedAt, String keyedBy) {
		return new ApplicationPendingReview(UUID.randomUUID(), Instant.parse(submittedAt), applicationId,
				this.practiceId, "Practice", Instant.parse(submittedAt), keyedBy, new BigDecimal("9000.00"), PATIENT);
	}

	PurchaseApproved purchase(UUID purchaseId, UUID accountId, String occurredAt, String amount, String plan) {
		return new PurchaseApproved(UUID.randomUUID(), Instant.parse(occurredAt), purchaseId, this.practiceId,
				"Practice", accountId, "4242", new BigDecimal(amount),
				new PlanTerms(plan, plan.startsWith("FIXED") ? "REDUCED_APR" : "DEFERRED_INTEREST", 12,
						new BigDecimal("0.00"), new BigDecimal("26.99")),
				"A1B2C3");
	}

	PurchaseDeclined purchaseDeclined(UUID accountId, String occurredAt, String amount, String plan) {
		return new PurchaseDeclined(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), this.practiceId,
				accountId, new BigDecimal(amount), plan, "INSUFFICIENT_OPEN_TO_BUY");
	}

	RefundIssued refund(UUID purchaseId, UUID accountId, String occurredAt, String amount, String plan,
			boolean settled) {
		return new RefundIssued(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), purchaseId,
				this.practiceId, "Practice", accountId, "4242", new BigDecimal(amount), plan, settled);
	}

	PurchaseVoided voided(UUID purchaseId, UUID accountId, String occurredAt, String amount, String plan) {
		return new PurchaseVoided(UUID.randomUUID(), Instant.parse(occurredAt), purchaseId, this.practiceId, "Practice",
				accountId, "4242", new BigDecimal(amount), plan);
	}

	PurchaseSettled settled(UUID purchaseId, UUID accountId, String settlementDate, String amount, String refunded,
			String fee, String plan) {
		BigDecimal net = new BigDecimal(amount).subtract(new BigDecimal(refunded)).subtract(new BigDecimal(fee));
		return new PurchaseSettled(UUID.randomUUID(),
				LocalDate.parse(settlementDate).plusDays(1).atTime(5, 0).toInstant(java.time.ZoneOffset.UTC),
				purchaseId, this.practiceId, accountId, plan, LocalDate.parse(settlementDate), new BigDecimal(amount),
				new BigDecimal(refunded), new BigDecimal(fee), net);
	}

	/**
	 * A payment posted on an account: by this practice (the patient paid at its front
	 * desk) or, with {@code byPractice} false, by support for the lender.
	 */
	PaymentPosted payment(UUID accountId, String occurredAt, String amount, boolean byPractice) {
		return new PaymentPosted(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), accountId, "4242",
				new BigDecimal(amount), byPractice ? this.practiceId : null);
	}

	SignInSucceeded signedIn(String occurredAt) {
		return new SignInSucceeded(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), this.practiceId,
				true);
	}

	SignInFailed signInFailed(String occurredAt, String step) {
		return new SignInFailed(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), this.practiceId, step);
	}

	static SignInFailed unknownUserFailed(String occurredAt) {
		return new SignInFailed(UUID.randomUUID(), Instant.parse(occurredAt), null, null, "PASSWORD");
	}

	UserLocked locked(String occurredAt, @Nullable String lockedUntil) {
		return new UserLocked(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), this.practiceId,
				"Practice", "user@example.com", (lockedUntil != null) ? Instant.parse(lockedUntil) : null);
	}

	UserSuspended suspended(String occurredAt) {
		return new UserSuspended(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), this.practiceId,
				"Practice", "user@example.com", "POLICY_VIOLATION");
	}

	UserUnlocked unlocked(String occurredAt) {
		return new UserUnlocked(UUID.randomUUID(), Instant.parse(occurredAt), UUID.randomUUID(), this.practiceId,
				"Practice", "user@example.com");
	}

}
