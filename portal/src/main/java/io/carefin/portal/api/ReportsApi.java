package io.carefin.portal.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * reporting-service's practice reports for the signed-in user's practice. Calls carry the
 * user's bearer token from the server-side session.
 */
@HttpExchange(url = "/api/reports", accept = "application/json")
public interface ReportsApi {

	@GetExchange("/summary")
	Summary summary(@RequestParam String from, @RequestParam String to);

	@GetExchange("/daily-funding")
	DailyFunding dailyFunding(@RequestParam String from, @RequestParam String to);

	/**
	 * Activity at a glance.
	 *
	 * @param from the first day
	 * @param to the last day
	 * @param applications applications submitted and where they stand
	 * @param purchases approved purchases
	 * @param refunds refunds issued
	 * @param voids voids
	 * @param byPlan approved purchases per plan
	 */
	record Summary(LocalDate from, LocalDate to, Applications applications, Purchases purchases, Movement refunds,
			Movement voids, List<PlanVolume> byPlan) {

		public Summary {
			byPlan = (byPlan != null) ? List.copyOf(byPlan) : List.of();
		}

	}

	/**
	 * Applications in a range.
	 *
	 * @param submitted how many were submitted
	 * @param approved approved
	 * @param declined declined
	 * @param pending pending review
	 * @param approvalRate approved ÷ decided, as a fraction; none before any decision
	 */
	record Applications(long submitted, long approved, long declined, long pending, @Nullable BigDecimal approvalRate) {

	}

	/**
	 * Approved purchases.
	 *
	 * @param count how many
	 * @param volume their amount
	 * @param averageTicket the average
	 */
	record Purchases(long count, BigDecimal volume, @Nullable BigDecimal averageTicket) {

	}

	/**
	 * Refunds or voids.
	 *
	 * @param count how many
	 * @param amount their amount
	 */
	record Movement(long count, BigDecimal amount) {

	}

	/**
	 * One plan's approved purchases.
	 *
	 * @param plan the plan
	 * @param purchases how many
	 * @param volume their amount
	 */
	record PlanVolume(String plan, long purchases, BigDecimal volume) {

	}

	/**
	 * Daily funding in a range.
	 *
	 * @param from the first day
	 * @param to the last day
	 * @param totals the range's totals
	 */
	record DailyFunding(LocalDate from, LocalDate to, Funding totals) {

	}

	/**
	 * Funding figures.
	 *
	 * @param settledPurchases purchases settled
	 * @param gross their amount
	 * @param refunds refunds
	 * @param merchantFees fees
	 * @param netFunding what the practice is paid
	 */
	record Funding(long settledPurchases, BigDecimal gross, BigDecimal refunds, BigDecimal merchantFees,
			BigDecimal netFunding) {

	}

}
