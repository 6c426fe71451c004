package io.carefin.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.Topics;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.account.PromotionEndingSoon;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.UserIdReminderRequested;
import io.carefin.contracts.auth.UserInvited;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.contracts.transaction.Patient;
import io.carefin.contracts.transaction.PlanTerms;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.testsupport.KafkaTestClient;

/**
 * Events as their producers write them, with fresh ids, recipients and secrets.
 */
final class NotificationFixtures {

	static final UUID BRIGHT_SMILES = UUID.fromString("5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f");

	static final String PRACTICE = "Bright Smiles Dental";

	static final UUID LAKESIDE = UUID.fromString("7d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

	static final String LAKESIDE_PRACTICE = "Lakeside Family Clinic";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandom.current().nextInt(9_000_000));

	private NotificationFixtures() {
	}

	static String email() {
		return "user-" + UUID.randomUUID() + "@example.test";
	}

	/**
	 * A number no other test of this run uses: the SMS provider's stand-in keeps every
	 * request of the run, and tests count what it accepted per number.
	 */
	static String phone() {
		return "+1555" + String.format("%07d", PHONES.getAndIncrement() % 10_000_000);
	}

	static String code() {
		return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
	}

	static String token() {
		return "tok" + UUID.randomUUID().toString().replace("-", "");
	}

	static CodeRequested code(String channel, String destination, String code) {
		Instant now = Instant.now();
		return new CodeRequested(UUID.randomUUID(), now, UUID.randomUUID(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE,
				channel, destination, code, now.plus(5, ChronoUnit.MINUTES));
	}

	static UserLocked locked(String email, Instant until) {
		return new UserLocked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE, email,
				until);
	}

	static UserUnlocked unlocked(String email) {
		return new UserUnlocked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE, email);
	}

	static UserSuspended suspended(String email) {
		return new UserSuspended(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE, email,
				"INACTIVITY");
	}

	static UserReactivated reactivated(String email) {
		return new UserReactivated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE, email);
	}

	static PasswordChanged passwordChanged(String email) {
		return new PasswordChanged(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE, email);
	}

	static PasswordResetRequested reset(String email, String token) {
		return new PasswordResetRequested(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE,
				email, token, Instant.now().plus(30, ChronoUnit.MINUTES));
	}

	static UserIdReminderRequested userIdReminder(String email, String signInUserId) {
		return new UserIdReminderRequested(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE,
				email, signInUserId);
	}

	static UserInvited invited(String email, String token) {
		return new UserInvited(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE, email,
				"new.user", token, Instant.now().plus(72, ChronoUnit.HOURS));
	}

	static Patient patient(String email) {
		return new Patient("Maria", "Lopez", email, "+15551234567");
	}

	static ApplicationApproved approved(UUID accountId, String email) {
		return new ApplicationApproved(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE,
				Instant.now(), "STAFF", new BigDecimal("2500.00"), false, patient(email), LocalDate.of(1980, 5, 17),
				new Address("1 Main St", null, "Springfield", "IL", "62701"), accountId, "4242", "0".repeat(64),
				new BigDecimal("5000.00"), false);
	}

	/**
	 * Another practice's approval on the account the patient already holds.
	 */
	static ApplicationApproved approvedOnExistingAccount(UUID accountId, String email) {
		return new ApplicationApproved(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), LAKESIDE, LAKESIDE_PRACTICE,
				Instant.now(), "PATIENT", new BigDecimal("1500.00"), false, patient(email), LocalDate.of(1980, 5, 17),
				new Address("9 Lake Road", null, "Lakeside", "WI", "53001"), accountId, "4242", "0".repeat(64),
				new BigDecimal("5000.00"), true);
	}

	static ApplicationDeclined declined(String email) {
		return new ApplicationDeclined(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE,
				Instant.now(), "PATIENT", new BigDecimal("9000.00"), false, patient(email),
				List.of("DEBT_TO_INCOME_TOO_HIGH"));
	}

	static ApplicationPendingReview pending(String email) {
		return new ApplicationPendingReview(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES,
				PRACTICE, Instant.now(), "PATIENT", new BigDecimal("3000.00"), patient(email));
	}

	static PurchaseApproved purchase(UUID accountId) {
		return new PurchaseApproved(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), BRIGHT_SMILES, PRACTICE,
				accountId, "4242", new BigDecimal("1234.50"),
				new PlanTerms("DEFERRED_12", "DEFERRED_INTEREST", 12, BigDecimal.ZERO, new BigDecimal("32.99")),
				"A1B2C3");
	}

	static RefundIssued refund(UUID accountId) {
		return new RefundIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), BRIGHT_SMILES,
				PRACTICE, accountId, "4242", new BigDecimal("200.00"), "DEFERRED_12", false);
	}

	static PaymentPosted payment(UUID accountId) {
		return new PaymentPosted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), accountId, "4242",
				new BigDecimal("150.00"), null);
	}

	static PromotionEndingSoon endingSoon(UUID accountId, int daysLeft) {
		return new PromotionEndingSoon(UUID.randomUUID(), Instant.now(), accountId, "4242", UUID.randomUUID(),
				"DEFERRED_12", LocalDate.of(2027, 1, 15), daysLeft, new BigDecimal("800.00"), new BigDecimal("96.12"));
	}

	static String json(DomainEvent event) {
		return json.writerFor(Topics.FAMILIES.get(event.topic())).writeValueAsString(event);
	}

	static <E extends DomainEvent> E publish(E event) {
		KafkaTestClient.send(event.topic(), event.aggregateId(), json(event));
		return event;
	}

}
