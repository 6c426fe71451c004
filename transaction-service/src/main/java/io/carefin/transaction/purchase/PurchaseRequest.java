package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A practice charges a patient's account: named by its id (an account the practice knows)
 * or by its full number (any active account; the first purchase makes the practice known
 * to it).
 *
 * @param accountId the account's id
 * @param accountNumber the account's 16-digit number
 * @param amount the purchase amount in US dollars
 * @param promotionCode the plan to finance it on
 * @param disclosureVersion the version of the plan's disclosure the patient acknowledged
 * before the purchase, when the practice's system records one
 */
record PurchaseRequest(@Nullable UUID accountId,
		@Nullable @Pattern(regexp = "[0-9]{16}", message = "must be 16 digits") String accountNumber,
		@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
		@NotBlank String promotionCode, @Nullable @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "must be letters, digits, dots, dashes and underscores") String disclosureVersion) {

	@Override
	public String toString() {
		return "PurchaseRequest[accountId=" + this.accountId + ", amount=" + this.amount + ", promotionCode="
				+ this.promotionCode + ", disclosureVersion=" + this.disclosureVersion + "]";
	}

}
