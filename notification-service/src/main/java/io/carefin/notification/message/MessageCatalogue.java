package io.carefin.notification.message;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.account.PromotionEndingSoon;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.auth.UserIdReminderRequested;
import io.carefin.contracts.auth.UserInvited;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.notification.patient.PatientContact;
import io.carefin.starter.BusinessDayProperties;

/**
 * Which message each event asks for: template, channel, recipient and the values shown.
 * Patients' messages show the last four digits of the account number, never more.
 */
@Component
public class MessageCatalogue {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final NotificationProperties properties;

	private final BusinessDayProperties businessDay;

	MessageCatalogue(NotificationProperties properties, BusinessDayProperties businessDay) {
		this.properties = properties;
		this.businessDay = businessDay;
	}

	/**
	 * The one-time sign-in code, by the channel the user chose.
	 */
	public Message code(CodeRequested code) {
		Channel channel = "SMS".equalsIgnoreCase(code.channel()) ? Channel.SMS : Channel.EMAIL;
		return new Message("sign-in-code", channel, code.destination(), code.userId(), true, values(code.practiceName(),
				"code", code.code(), "expiresAt", time(code.expiresAt(), code.practiceId())));
	}

	/**
	 * The notice a practice user gets when their sign-in state changes.
	 */
	public Message notice(UserEvent event) {
		return switch (event) {
			case UserLocked locked -> (locked.lockedUntil() == null)
					? email("account-locked-permanently", locked.email(), locked.userId(), false,
							values(locked.practiceName()))
					: email("account-locked", locked.email(), locked.userId(), false, values(locked.practiceName(),
							"lockedUntil", time(locked.lockedUntil(), locked.practiceId())));
			case UserUnlocked unlocked ->
				email("account-unlocked", unlocked.email(), unlocked.userId(), false, values(unlocked.practiceName()));
			case UserSuspended suspended -> email("account-suspended", suspended.email(), suspended.userId(), false,
					values(suspended.practiceName(), "inactivity", "INACTIVITY".equals(suspended.reason())));
			case UserReactivated reactivated -> email("account-reactivated", reactivated.email(), reactivated.userId(),
					false, values(reactivated.practiceName()));
			case PasswordChanged changed ->
				email("password-changed", changed.email(), changed.userId(), false, values(changed.practiceName()));
		};
	}

	/**
	 * The user-ID reminder.
	 */
	public Message reminder(UserIdReminderRequested reminder) {
		return email("user-id-reminder", reminder.email(), reminder.userId(), true,
				values(reminder.practiceName(), "signInUserId", reminder.signInUserId()));
	}

	/**
	 * The password-reset link.
	 */
	public Message reset(PasswordResetRequested reset) {
		return email("password-reset", reset.email(), reset.userId(), true,
				values(reset.practiceName(), "link", this.properties.link("reset-password", reset.resetToken()),
						"expiresAt", time(reset.expiresAt(), reset.practiceId())));
	}

	/**
	 * The invitation with its activation link.
	 */
	public Message invitation(UserInvited invited) {
		return email("user-invitation", invited.email(), invited.userId(), false,
				values(invited.practiceName(), "link", this.properties.link("activate", invited.activationToken()),
						"signInUserId", invited.signInUserId(), "expiresAt",
						time(invited.expiresAt(), invited.practiceId())));
	}

	/**
	 * The decision on a patient's credit application. An approval on the account the
	 * patient already holds is no welcome to a new account: it says the practice now
	 * takes that account.
	 */
	public Message decision(ApplicationEvent event) {
		Map<String, Object> values = values(event.practiceName(), "firstName", event.patient().firstName());
		String template = switch (event) {
			case ApplicationApproved approved -> {
				values.put("account", masked(approved.accountLast4()));
				values.put("creditLimit", usd(approved.creditLimit()));
				yield approved.existingAccount() ? "application-existing-account" : "application-approved";
			}
			case ApplicationDeclined declined -> {
				values.put("reasons", declined.reasons().stream().map(MessageCatalogue::reason).toList());
				yield "application-declined";
			}
			case ApplicationPendingReview pending -> "application-pending-review";
		};
		return email(template, event.patient().email(), null, false, values);
	}

	/**
	 * The patient's purchase receipt.
	 */
	public Message receipt(PurchaseApproved purchase, PatientContact patient) {
		return email("purchase-receipt", patient.email(), null, false,
				values(purchase.practiceName(), "firstName", patient.firstName(), "account",
						masked(purchase.accountLast4()), "amount", usd(purchase.amount()), "plan",
						plan(purchase.plan().code()), "authorizationCode", purchase.authorizationCode(), "date",
						date(purchase.occurredAt(), purchase.practiceId())));
	}

	/**
	 * The patient's refund receipt.
	 */
	public Message receipt(RefundIssued refund, PatientContact patient) {
		return email("refund-receipt", patient.email(), null, false,
				values(refund.practiceName(), "firstName", patient.firstName(), "account",
						masked(refund.accountLast4()), "amount", usd(refund.amount()), "plan",
						plan(refund.promotionCode()), "date", date(refund.occurredAt(), refund.practiceId())));
	}

	/**
	 * The patient's payment receipt.
	 */
	public Message receipt(PaymentPosted payment, PatientContact patient) {
		return email("payment-received", patient.email(), null, false,
				values(patient.practiceName(), "firstName", patient.firstName(), "account",
						masked(payment.accountLast4()), "amount", usd(payment.amount()), "date",
						date(payment.occurredAt(), patient.practiceId())));
	}

	/**
	 * The reminder that a deferred-interest promotion ends soon with a balance left.
	 */
	public Message reminder(PromotionEndingSoon ending, PatientContact patient) {
		return email("promotion-ending-soon", patient.email(), null, false,
				values(patient.practiceName(), "firstName", patient.firstName(), "account",
						masked(ending.accountLast4()), "daysLeft", ending.daysLeft(), "endDate",
						DATE.format(ending.endDate()), "remainingBalance", usd(ending.remainingBalance()),
						"accruedInterest", usd(ending.accruedInterest()), "plan", plan(ending.promotionCode())));
	}

	private static Message email(String template, String to, @Nullable UUID userId, boolean accessCapped,
			Map<String, Object> values) {
		return new Message(template, Channel.EMAIL, to, userId, accessCapped, values);
	}

	private static Map<String, Object> values(String practiceName, Object... pairs) {
		Map<String, Object> values = new HashMap<>();
		values.put("practiceName", practiceName);
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	private String time(Instant instant, UUID practiceId) {
		return TIME.format(instant.atZone(this.businessDay.zoneOf(practiceId)));
	}

	private String date(Instant instant, @Nullable UUID practiceId) {
		ZoneId zone = this.businessDay.zoneOf(practiceId);
		return DATE.format(LocalDate.ofInstant(instant, zone));
	}

	static String masked(String last4) {
		return "****" + last4;
	}

	static String usd(BigDecimal amount) {
		return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
	}

	private static String plan(String code) {
		String[] parts = code.split("_");
		if (parts.length == 2 && "DEFERRED".equals(parts[0])) {
			return "No interest if paid in full within " + parts[1] + " months";
		}
		if (parts.length == 2 && "FIXED".equals(parts[0])) {
			return "Fixed monthly payments over " + parts[1] + " months";
		}
		return code;
	}

	private static String reason(String code) {
		return switch (code) {
			case "UNDER_AGE" -> "The applicant does not meet the minimum age";
			case "DEBT_TO_INCOME_TOO_HIGH" -> "Existing obligations are too high in relation to income";
			default -> code.replace('_', ' ').toLowerCase(Locale.US);
		};
	}

}
