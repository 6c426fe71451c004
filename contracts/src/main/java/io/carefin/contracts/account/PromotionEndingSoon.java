package io.carefin.contracts.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A deferred-interest promotion ends in 60, 30 or 7 days and a balance remains: the
 * patient should be reminded that the accrued interest will be charged unless it is paid
 * in full by the end date.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the business day that noticed it ran
 * @param accountId the patient's financing account
 * @param accountLast4 the last four digits of the account number
 * @param purchaseId the purchase the promotion finances
 * @param promotionCode the plan, such as {@code DEFERRED_12}
 * @param endDate the promotion's last day
 * @param daysLeft 60, 30 or 7
 * @param remainingBalance what is left of the promotional balance
 * @param accruedInterest the deferred interest that will be charged if it is not paid
 */
public record PromotionEndingSoon(UUID eventId, Instant occurredAt, UUID accountId, String accountLast4,
		UUID purchaseId, String promotionCode, LocalDate endDate, int daysLeft, BigDecimal remainingBalance,
		BigDecimal accruedInterest) implements PromotionEvent {

	public PromotionEndingSoon {
		remainingBalance = Money.dollars(remainingBalance);
		accruedInterest = Money.dollars(accruedInterest);
	}

	@Override
	public String aggregateId() {
		return this.accountId.toString();
	}

}
