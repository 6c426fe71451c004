package io.carefin.portal.purchase;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.workspace.Amounts;

/**
 * The purchase form: the account, the amount, the plan, the patient's acknowledgement of
 * the plan's disclosure, and the key that makes the form charge once however often it is
 * sent.
 *
 * @param account the account's id
 * @param amount the amount as typed
 * @param plan the chosen plan's code
 * @param disclosureAccepted whether the patient accepted the plan's disclosure
 * @param idempotencyKey the form's key, made when the form was shown
 */
record PurchaseForm(@Nullable UUID account, @Nullable String amount, @Nullable String plan,
		@Nullable String disclosureAccepted, @Nullable String idempotencyKey) {

	@Nullable BigDecimal parsedAmount() {
		return Amounts.parse(this.amount);
	}

	public boolean accepted() {
		return "yes".equals(this.disclosureAccepted);
	}

	/**
	 * The form's key when it is one the portal made; none otherwise.
	 */
	@Nullable String key() {
		if (this.idempotencyKey == null) {
			return null;
		}
		try {
			return UUID.fromString(this.idempotencyKey).toString();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
