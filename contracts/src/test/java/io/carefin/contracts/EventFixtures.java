package io.carefin.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.carefin.contracts.account.PaymentPosted;
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
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.contracts.notification.DeliveryFailed;
import io.carefin.contracts.transaction.PurchaseApproved;

/**
 * The events that the golden files describe, built in Java.
 */
final class EventFixtures {

	static final UUID PRACTICE = UUID.fromString("5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f");

	static final UUID ACCOUNT = UUID.fromString("e1f3a5c7-9b1d-4f3a-8c5e-7a9b1c3d5e7f");

	private EventFixtures() {
	}

	static UserLocked userLocked() {
		return new UserLocked(UUID.fromString("6f1c2a0e-3b7d-4c1e-9f2a-1d2e3f4a5b6c"),
				Instant.parse("2026-11-23T14:05:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, Instant.parse("2026-11-23T14:35:00Z"));
	}

	static UserUnlocked userUnlocked() {
		return new UserUnlocked(UUID.fromString("7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"),
				Instant.parse("2026-11-23T16:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE);
	}

	static UserSuspended userSuspended() {
		return new UserSuspended(UUID.fromString("8b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e"),
				Instant.parse("2026-11-24T09:15:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "POLICY_VIOLATION");
	}

	static UserReactivated userReactivated() {
		return new UserReactivated(UUID.fromString("9c4d5e6f-7a8b-4c3d-8e4f-5a6b7c8d9e0f"),
				Instant.parse("2026-11-25T10:30:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE);
	}

	static CodeRequested codeRequested() {
		return new CodeRequested(UUID.fromString("1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"),
				Instant.parse("2026-11-24T08:00:00Z"), UUID.fromString("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b"),
				UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"), PRACTICE, "SMS", "+15555550123", "042917",
				Instant.parse("2026-11-24T08:10:00Z"));
	}

	static PasswordChanged passwordChanged() {
		return new PasswordChanged(UUID.fromString("3f4a5b6c-7d8e-4f9a-8b1c-2d3e4f5a6b7c"),
				Instant.parse("2026-11-24T11:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE);
	}

	static UserIdReminderRequested userIdReminderRequested() {
		return new UserIdReminderRequested(UUID.fromString("4a5b6c7d-8e9f-4a0b-9c2d-3e4f5a6b7c8d"),
				Instant.parse("2026-11-24T10:00:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "admin@brightsmiles.example", "demo.admin");
	}

	static PasswordResetRequested passwordResetRequested() {
		return new PasswordResetRequested(UUID.fromString("5b6c7d8e-9f0a-4b1c-8d3e-4f5a6b7c8d9e"),
				Instant.parse("2026-11-24T10:30:00Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
				PRACTICE, "admin@brightsmiles.example", "q5yY4nC0xv1m8N2b7LkP3dHs9TgRfE6wZaUiJoKlMnQ",
				Instant.parse("2026-11-24T11:00:00Z"));
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
				PRACTICE, "frontdesk@brightsmiles.example", "demo.user", "Zx8Wv7Ut6Sr5Qp4On3Ml2Kj1Ih0Gf9Ed8Cb7Aa6Bc5",
				Instant.parse("2026-11-27T13:00:00Z"));
	}

	static PurchaseApproved purchaseApproved() {
		return new PurchaseApproved(UUID.fromString("a3c1e5f7-2b4d-4e6f-8a0c-1e3f5a7c9e1b"),
				Instant.parse("2026-11-23T15:30:12.250Z"), UUID.fromString("c7e9a1b3-d5f7-4a9c-8e1b-3d5f7a9c1e3b"),
				PRACTICE, ACCOUNT, new BigDecimal("1250.00"), "DEFERRED_12");
	}

	static PaymentPosted paymentPosted() {
		return new PaymentPosted(UUID.fromString("f2a4c6e8-1b3d-4f5a-9c7e-2b4d6f8a0c2e"),
				Instant.parse("2026-12-01T09:00:00Z"), UUID.fromString("d4f6a8c0-2e4a-4c6e-8f0a-4c6e8a0c2e4a"), ACCOUNT,
				new BigDecimal("104.17"));
	}

	static DeliveryFailed deliveryFailed() {
		return new DeliveryFailed(UUID.fromString("b5d7f9a1-3c5e-4a7c-9e1a-5c7e9a1c3e5a"),
				Instant.parse("2026-11-23T14:06:30Z"), UUID.fromString("9c1e3a5c-7e9a-4c1e-8a3c-9e1a3c5e7a9c"),
				UUID.fromString("6f1c2a0e-3b7d-4c1e-9f2a-1d2e3f4a5b6c"), "SMS", "account-locked", 5);
	}

}
