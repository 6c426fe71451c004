package io.carefin.portal.purchase;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.api.TransactionsApi;

/**
 * A plan as the purchase form offers it, with the API's quote for the amount when the
 * amount reaches the plan's minimum.
 *
 * @param plan the plan
 * @param disclosure its disclosure
 * @param quote the quote for the amount, if any
 */
record PlanOption(TransactionsApi.Plan plan, Disclosure disclosure, TransactionsApi.@Nullable Quote quote) {

	static List<PlanOption> of(List<TransactionsApi.Plan> plans, TransactionsApi.@Nullable Quotes quotes) {
		return plans.stream()
			.map((plan) -> new PlanOption(plan, Disclosure.of(plan),
					(quotes != null) ? quotes.quotes()
						.stream()
						.filter((quote) -> quote.promotionCode().equals(plan.code()) && quote.minimumMet())
						.findFirst()
						.orElse(null) : null))
			.toList();
	}

	/**
	 * Whether the amount reaches the plan's minimum.
	 */
	public boolean available(@Nullable BigDecimal amount) {
		return amount != null && amount.compareTo(this.plan.minimumAmount()) >= 0;
	}

	public String id() {
		return "plan-" + this.plan.code();
	}

}
