package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.transaction.PlanTerms;
import io.carefin.transaction.Refusal;

/**
 * A purchase on a patient's credit line, approved or declined, with the plan's terms at
 * the time; it guards what may still happen to it.
 *
 * @param id the purchase's id
 * @param practiceId the practice that made the sale
 * @param practiceName the practice's name
 * @param accountId the patient's account
 * @param accountLast4 the last four digits of the account number
 * @param amount the purchase amount
 * @param plan the plan's terms at the time
 * @param merchantFeeRate the plan's merchant fee at the time
 * @param status {@code APPROVED}, {@code DECLINED}, {@code VOIDED} or {@code SETTLED}
 * @param declineReason why it was declined
 * @param authorizationCode the approval's code
 * @param refunded what has been refunded so far
 * @param createdAt when it was made
 * @param businessDate the practice's business day it was made on
 * @param settlementDate the business day it settled for
 * @param merchantFee the fee taken at settlement
 * @param netFunding what the practice was paid at settlement
 * @param disclosureVersion the version of the plan's disclosure the patient acknowledged
 * before the purchase, when the practice recorded one
 */
record Purchase(UUID id, UUID practiceId, String practiceName, UUID accountId, String accountLast4, BigDecimal amount,
		PlanTerms plan, BigDecimal merchantFeeRate, String status, @Nullable String declineReason,
		@Nullable String authorizationCode, BigDecimal refunded, Instant createdAt, LocalDate businessDate,
		@Nullable LocalDate settlementDate, @Nullable BigDecimal merchantFee, @Nullable BigDecimal netFunding,
		@Nullable String disclosureVersion) {

	/**
	 * What is left of the purchase after its refunds.
	 */
	BigDecimal remaining() {
		return this.amount.subtract(this.refunded);
	}

	boolean isDeclined() {
		return "DECLINED".equals(this.status);
	}

	boolean isSettled() {
		return "SETTLED".equals(this.status);
	}

	/**
	 * Refuses a refund that the purchase cannot take: on a declined or voided purchase,
	 * or over what is left of it.
	 */
	void checkRefund(BigDecimal refund) {
		switch (this.status) {
			case "DECLINED" -> throw Refusal.conflict("purchase-declined",
					"This purchase was declined and charged nothing, so there is nothing to refund.");
			case "VOIDED" -> throw Refusal.conflict("purchase-voided",
					"This purchase was voided and charged nothing, so there is nothing to refund.");
			default -> {
				if (refund.compareTo(remaining()) > 0) {
					throw Refusal.unprocessable("refund-exceeds-purchase",
							"Refunds cannot exceed what is left of the purchase: " + remaining().toPlainString()
									+ " USD.");
				}
			}
		}
	}

	/**
	 * Whether a void would change anything, refusing one that is no longer allowed.
	 * @return {@code false} when the purchase is already voided
	 */
	boolean checkVoid() {
		return switch (this.status) {
			case "APPROVED" -> true;
			case "VOIDED" -> false;
			case "SETTLED" -> throw Refusal.conflict("purchase-settled",
					"This purchase has settled and can no longer be voided: issue a refund instead.");
			default -> throw Refusal.conflict("purchase-declined",
					"This purchase was declined and charged nothing, so there is nothing to void.");
		};
	}

}
