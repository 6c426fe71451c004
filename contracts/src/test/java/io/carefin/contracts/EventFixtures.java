package io.carefin.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.account.PromotionEndingSoon;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.SignInFailed;
import io.carefin.contracts.auth.SignInSucceeded;
import io.carefin.contracts.auth.UserIdReminderRequested;
import io.carefin.contracts.auth.UserInvited;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.PracticeChanged;
import io.carefin.contracts.auth.PracticeClosed;
import io.carefin.contracts.auth.PracticeEnrolled;
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.contracts.notification.DeliveryFailed;
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

/**
 * The events that the golden files describe, built in Java.
 */
final class EventFixtures {

	static final UUID PRACTICE = UUID.fromString("5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f");

	static final UUID ACCOUNT = UUID.fromString("e1f3a5c7-9b1d-4f3a-8c5e-7a9b1c3d5e7f");

	static final UUID APPLICATION = UUID.fromString("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e");

	static final UUID PURCHASE = UUID.fromString("c7e9a1b3-d5f7-4a9c-8e1b-3d5f7a9c1e3b");

	private EventFixtures() {
	}

	static UserLocked userLocked() {
		return new UserLocked(UUID.fromString("6f1c2a0e-3b7d-4c1e-9f2a-1d2e3f4a5b6c"),
				Instant.parse("2026-11-23T14:05:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example", Instant.parse("2026-11-23T14:35:00Z"));
	}

	static UserUnlocked userUnlocked() {
		return new UserUnlocked(UUID.fromString("7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"),
				Instant.parse("2026-11-23T16:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example");
	}

	static UserSuspended userSuspended() {
		return new UserSuspended(UUID.fromString("8b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e"),
				Instant.parse("2026-11-24T09:15:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example", "POLICY_VIOLATION");
	}

	static UserReactivated userReactivated() {
		return new UserReactivated(UUID.fromString("9c4d5e6f-7a8b-4c3d-8e4f-5a6b7c8d9e0f"),
				Instant.parse("2026-11-25T10:30:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example");
	}

	static CodeRequested codeRequested() {
		return new CodeRequested(UUID.fromString("1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"),
				Instant.parse("2026-11-24T08:00:00Z"), UUID.fromString("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b"),
				UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"), PRACTICE, "Bright Smiles Dental", "SMS",
				"+15555550123", "042917", Instant.parse("2026-11-24T08:10:00Z"));
	}

	static PasswordChanged passwordChanged() {
		return new PasswordChanged(UUID.fromString("3f4a5b6c-7d8e-4f9a-8b1c-2d3e4f5a6b7c"),
				Instant.parse("2026-11-24T11:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example");
	}

	static UserIdReminderRequested userIdReminderRequested() {
		return new UserIdReminderRequested(UUID.fromString("4a5b6c7d-8e9f-4a0b-9c2d-3e4f5a6b7c8d"),
				Instant.parse("2026-11-24T10:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example", "demo.admin");
	}

	static PasswordResetRequested passwordResetRequested() {
		return new PasswordResetRequested(UUID.fromString("5b6c7d8e-9f0a-4b1c-8d3e-4f5a6b7c8d9e"),
				Instant.parse("2026-11-24T10:30:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "Bright Smiles Dental", "admin@brightsmiles.example",
				"q5yY4nC0xv1m8N2b7LkP3dHs9TgRfE6wZaUiJoKlMnQ", Instant.parse("2026-11-24T11:00:00Z"));
	}

	static SignInSucceeded signInSucceeded() {
		return new SignInSucceeded(UUID.fromString("6c7d8e9f-0a1b-4c2d-9e4f-5a6b7c8d9e0f"),
				Instant.parse("2026-11-24T12:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, true);
	}

	static SignInFailed signInFailed() {
		return new SignInFailed(UUID.fromString("7d8e9f0a-1b2c-4d3e-8f5a-6b7c8d9e0f1a"),
				Instant.parse("2026-11-24T12:01:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "SECOND_FACTOR");
	}

	static UserInvited userInvited() {
		return new UserInvited(UUID.fromString("8e9f0a1b-2c3d-4e4f-9a6b-7c8d9e0f1a2b"),
				Instant.parse("2026-11-24T13:00:00Z"), UUID.fromString("3d6f9a2c-1b4e-4c7d-8a5f-6e9b2c4d7f1a"),
				PRACTICE, "Bright Smiles Dental", "frontdesk@brightsmiles.example", "demo.user",
				"Zx8Wv7Ut6Sr5Qp4On3Ml2Kj1Ih0Gf9Ed8Cb7Aa6Bc5", Instant.parse("2026-11-27T13:00:00Z"));
	}

	static PurchaseApproved purchaseApproved() {
		return new PurchaseApproved(UUID.fromString("a3c1e5f7-2b4d-4e6f-8a0c-1e3f5a7c9e1b"),
				Instant.parse("2026-11-23T15:30:12.250Z"), UUID.fromString("c7e9a1b3-d5f7-4a9c-8e1b-3d5f7a9c1e3b"),
				PRACTICE, "Bright Smiles Dental", ACCOUNT, "4242", new BigDecimal("1250.00"), deferred12(), "A1B2C3");
	}

	static PaymentPosted paymentPosted() {
		return new PaymentPosted(UUID.fromString("f2a4c6e8-1b3d-4f5a-9c7e-2b4d6f8a0c2e"),
				Instant.parse("2026-12-01T09:00:00Z"), UUID.fromString("d4f6a8c0-2e4a-4c6e-8f0a-4c6e8a0c2e4a"), ACCOUNT,
				"4242", new BigDecimal("104.17"), PRACTICE);
	}

	static DeliveryFailed deliveryFailed() {
		return new DeliveryFailed(UUID.fromString("b5d7f9a1-3c5e-4a7c-9e1a-5c7e9a1c3e5a"),
				Instant.parse("2026-11-23T14:06:30Z"), UUID.fromString("9c1e3a5c-7e9a-4c1e-8a3c-9e1a3c5e7a9c"),
				UUID.fromString("6f1c2a0e-3b7d-4c1e-9f2a-1d2e3f4a5b6c"), "SMS", "account-locked", 5);
	}

	static PlanTerms deferred12() {
		return new PlanTerms("DEFERRED_12", "DEFERRED_INTEREST", 12, new BigDecimal("0.00"), new BigDecimal("26.99"));
	}

	static Patient patient() {
		return new Patient("Maria", "Lopez", "maria.lopez@example.com", "+15555550188");
	}

	static ApplicationApproved applicationApproved() {
		return new ApplicationApproved(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
				Instant.parse("2026-11-23T15:00:00.500Z"), APPLICATION, PRACTICE, "Bright Smiles Dental",
				Instant.parse("2026-11-23T15:00:00.500Z"), "STAFF", new BigDecimal("4000.00"), false, patient(),
				LocalDate.parse("1984-03-09"), new Address("12 Elm Street", null, "Springfield", "IL", "62704"),
				ACCOUNT, "4242", "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f",
				new BigDecimal("5000.00"), false);
	}

	static ApplicationDeclined applicationDeclined() {
		return new ApplicationDeclined(UUID.fromString("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"),
				Instant.parse("2026-11-23T16:10:00Z"), UUID.fromString("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
				PRACTICE, "Bright Smiles Dental", Instant.parse("2026-11-23T16:10:00Z"), "PATIENT",
				new BigDecimal("2500.00"), false, patient(), List.of("DEBT_TO_INCOME_TOO_HIGH"));
	}

	static ApplicationPendingReview applicationPendingReview() {
		return new ApplicationPendingReview(UUID.fromString("2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"),
				Instant.parse("2026-11-23T16:20:00Z"), UUID.fromString("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"),
				PRACTICE, "Bright Smiles Dental", Instant.parse("2026-11-23T16:20:00Z"), "PATIENT",
				new BigDecimal("9000.00"), patient());
	}

	static PurchaseDeclined purchaseDeclined() {
		return new PurchaseDeclined(UUID.fromString("3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a"),
				Instant.parse("2026-11-23T15:40:00Z"), UUID.fromString("9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"),
				PRACTICE, ACCOUNT, new BigDecimal("6000.00"), "FIXED_24", "INSUFFICIENT_OPEN_TO_BUY");
	}

	static RefundIssued refundIssued() {
		return new RefundIssued(UUID.fromString("4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b"),
				Instant.parse("2026-11-25T14:00:00Z"), UUID.fromString("af1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d"),
				PURCHASE, PRACTICE, "Bright Smiles Dental", ACCOUNT, "4242", new BigDecimal("250.00"), "DEFERRED_12",
				true);
	}

	static PurchaseVoided purchaseVoided() {
		return new PurchaseVoided(UUID.fromString("5f6a7b8c-9d0e-4f1a-9b2c-4d5e6f7a8b9c"),
				Instant.parse("2026-11-23T17:00:00Z"), PURCHASE, PRACTICE, "Bright Smiles Dental", ACCOUNT, "4242",
				new BigDecimal("1250.00"), "DEFERRED_12");
	}

	static PurchaseSettled purchaseSettled() {
		return new PurchaseSettled(UUID.fromString("6a7b8c9d-0e1f-4a2b-8c3d-5e6f7a8b9c0d"),
				Instant.parse("2026-11-24T05:00:00Z"), PURCHASE, PRACTICE, ACCOUNT, "DEFERRED_12",
				LocalDate.parse("2026-11-23"), new BigDecimal("1250.00"), new BigDecimal("0.00"),
				new BigDecimal("75.00"), new BigDecimal("1175.00"));
	}

	static PromotionEndingSoon promotionEndingSoon() {
		return new PromotionEndingSoon(UUID.fromString("7b8c9d0e-1f2a-4b3c-9d4e-6f7a8b9c0d1e"),
				Instant.parse("2027-09-24T05:00:00Z"), ACCOUNT, "4242", PURCHASE, "DEFERRED_12",
				LocalDate.parse("2027-11-23"), 60, new BigDecimal("412.50"), new BigDecimal("281.77"));
	}

	static PracticeEnrolled practiceEnrolled() {
		return new PracticeEnrolled(UUID.fromString("9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"),
				Instant.parse("2026-12-07T15:00:00Z"), PRACTICE, "Bright Smiles Dental", "BRIGHT-SMILES", "4000100001",
				"America/New_York");
	}

	static PracticeChanged practiceChanged() {
		return new PracticeChanged(UUID.fromString("0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a"),
				Instant.parse("2026-12-07T16:00:00Z"), PRACTICE, "Bright Smiles Family Dental", "BRIGHT-SMILES",
				"4000100001", "America/Chicago");
	}

	static PracticeClosed practiceClosed() {
		return new PracticeClosed(UUID.fromString("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"),
				Instant.parse("2026-12-07T17:00:00Z"), PRACTICE, "Merchant agreement ended");
	}

}
