package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the decision engine or support decided about an application.
 */
sealed interface Decision {

	/**
	 * Approved with a credit limit.
	 *
	 * @param creditLimit the limit granted
	 */
	record Approved(BigDecimal creditLimit) implements Decision {
	}

	/**
	 * Declined, for the reasons given.
	 *
	 * @param reasons the reason codes
	 */
	record Declined(List<String> reasons) implements Decision {
	}

	/**
	 * Left for support staff to decide, for the reasons given.
	 *
	 * @param reasons why the engine could not decide
	 */
	record PendingReview(List<String> reasons) implements Decision {
	}

}
