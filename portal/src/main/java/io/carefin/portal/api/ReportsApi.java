package io.carefin.portal.api;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
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
	 * The daily funding as the API's CSV: a row per day, or with {@code by=plan} per day
	 * and plan. The caller closes the body.
	 */
	@GetExchange(url = "/daily-funding", accept = "text/csv")
	ResponseEntity<InputStream> dailyFundingCsv(@RequestParam String from, @RequestParam String to,
			@RequestParam String by);

	/**
	 * The summary as the API's CSV; the caller closes the body.
	 */
	@GetExchange(url = "/summary", accept = "text/csv")
	ResponseEntity<InputStream> summaryCsv(@RequestParam String from, @RequestParam String to);

	/**
	 * The applications as the API's CSV: a row per day, per who keyed them
	 * ({@code by=keyed}) or per decline reason ({@code by=reason}); the caller closes the
	 * body.
	 */
	@GetExchange(url = "/applications", accept = "text/csv")
	ResponseEntity<InputStream> applicationsCsv(@RequestParam String from, @RequestParam String to,
			@RequestParam String by);

	/**
	 * The trend by week or month as the API's CSV; the caller closes the body.
	 */
	@GetExchange(url = "/trends", accept = "text/csv")
	ResponseEntity<InputStream> trendsCsv(@RequestParam String from, @RequestParam String to,
			@RequestParam String period);

	@GetExchange("/applications")
	ApplicationsReport applications(@RequestParam String from, @RequestParam String to);

	@GetExchange("/trends")
	Trends trends(@RequestParam String from, @RequestParam String to, @RequestParam String period);

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
	 * @param days each settlement day
	 * @param totals the range's totals
	 */
	record DailyFunding(LocalDate from, LocalDate to, @Nullable List<FundingDay> days, Funding totals) {

		public List<FundingDay> dayList() {
			return (this.days != null) ? this.days : List.of();
		}

	}

	/**
	 * One settlement day and its plans.
	 *
	 * @param businessDay the day
	 * @param funding its figures
	 * @param plans each plan's share
	 */
	record FundingDay(LocalDate businessDay, Funding funding, @Nullable List<PlanFunding> plans) {

		public List<PlanFunding> planList() {
			return (this.plans != null) ? this.plans : List.of();
		}

	}

	/**
	 * One plan's share of a day.
	 *
	 * @param plan the plan
	 * @param funding its figures
	 */
	record PlanFunding(String plan, Funding funding) {

	}

	/**
	 * The applications funnel.
	 *
	 * @param totals the range's applications
	 * @param keyedBy by who keyed them
	 * @param declineReasons how many declines gave each reason
	 */
	record ApplicationsReport(Applications totals, @Nullable List<KeyedBy> keyedBy,
			@Nullable List<DeclineReason> declineReasons) {

		public List<KeyedBy> keyedByList() {
			return (this.keyedBy != null) ? this.keyedBy : List.of();
		}

		public List<DeclineReason> declineReasonList() {
			return (this.declineReasons != null) ? this.declineReasons : List.of();
		}

	}

	/**
	 * Applications keyed by the patient or by staff.
	 *
	 * @param keyedBy {@code PATIENT} or {@code STAFF}
	 * @param applications their figures
	 */
	record KeyedBy(String keyedBy, Applications applications) {

	}

	/**
	 * A decline reason and how many declines gave it.
	 *
	 * @param reason the reason's code
	 * @param declined how many
	 */
	record DeclineReason(String reason, long declined) {

	}

	/**
	 * The figures per week or month.
	 *
	 * @param points each period
	 */
	record Trends(@Nullable List<TrendPoint> points) {

		public List<TrendPoint> pointList() {
			return (this.points != null) ? this.points : List.of();
		}

	}

	/**
	 * One week's or month's figures.
	 *
	 * @param periodStart its first day
	 * @param periodEnd its last day
	 * @param applications applications
	 * @param purchases approved purchases
	 * @param funding funding
	 */
	record TrendPoint(LocalDate periodStart, LocalDate periodEnd, Applications applications, Purchases purchases,
			Funding funding) {

	}

	/**
	 * Funding figures.
	 *
	 * @param settledPurchases purchases settled
	 * @param gross their amount
	 * @param refunds refunds
	 * @param merchantFees fees
	 * @param netFunding what the practice is paid
	 * @param voids purchases voided
	 * @param voidAmount their amount
	 */
	record Funding(long settledPurchases, BigDecimal gross, BigDecimal refunds, BigDecimal merchantFees,
			BigDecimal netFunding, long voids, @Nullable BigDecimal voidAmount) {

	}

}
