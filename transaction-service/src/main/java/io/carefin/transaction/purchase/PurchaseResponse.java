package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.transaction.PlanTerms;

/**
 * A purchase as the practice sees it.
 *
 * @param purchaseId the purchase
 * @param status {@code APPROVED}, {@code DECLINED}, {@code VOIDED} or {@code SETTLED}
 * @param authorizationCode the approval's code
 * @param declineReason why it was declined
 * @param accountId the patient's account
 * @param accountLast4 the last four digits of its number
 * @param amount the purchase amount
 * @param refunded what has been refunded
 * @param remaining what is left of the purchase after refunds, to refund, void or settle;
 * {@code null} when the purchase was declined, since a decline charged nothing (it is not
 * the credit line's open-to-buy: the decline reason says why the line could not take the
 * amount)
 * @param promotionCode the plan
 * @param plan the plan's terms at the time
 * @param createdAt when it was made
 * @param businessDate the practice's business day
 * @param settlementDate the business day it settled for
 * @param merchantFee the fee taken at settlement
 * @param netFunding what the practice was paid
 * @param disclosureVersion the version of the plan's disclosure the patient acknowledged,
 * none when the practice recorded none
 */
record PurchaseResponse(UUID purchaseId, String status, @Nullable String authorizationCode,
		@Nullable String declineReason, UUID accountId, String accountLast4, BigDecimal amount, BigDecimal refunded,
		@Nullable BigDecimal remaining, String promotionCode, PlanTerms plan, Instant createdAt, LocalDate businessDate,
		@Nullable LocalDate settlementDate, @Nullable BigDecimal merchantFee, @Nullable BigDecimal netFunding,
		@Nullable String disclosureVersion) {

	static PurchaseResponse of(Purchase purchase) {
		return new PurchaseResponse(purchase.id(), purchase.status(), purchase.authorizationCode(),
				purchase.declineReason(), purchase.accountId(), purchase.accountLast4(), purchase.amount(),
				purchase.refunded(), purchase.isDeclined() ? null : purchase.remaining(), purchase.plan().code(),
				purchase.plan(), purchase.createdAt(), purchase.businessDate(), purchase.settlementDate(),
				purchase.merchantFee(), purchase.netFunding(), purchase.disclosureVersion());
	}

}
