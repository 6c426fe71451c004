package io.carefin.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;

import io.carefin.portal.api.AccessTokens;
import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.ApiUnavailableException;
import io.carefin.portal.api.ConcurrentCalls;
import io.carefin.portal.api.ReportsApi;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.BarChart;
import io.carefin.portal.workspace.Money;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.PlanNames;
import io.carefin.portal.workspace.DateRange;
import io.carefin.portal.workspace.PracticeCalendar;

/**
 * The dashboard: the practice's activity today, this month and in a chosen range (with
 * the reports permission), its recent transactions, and the patients whose deferred
 * promotions end within 60 days.
 */
@Controller
class DashboardController {

	private static final Logger logger = LoggerFactory.getLogger(DashboardController.class);

	static final int RECENT = 10;

	static final int ENDING_WITHIN_DAYS = 60;

	static final int ENDING_SHOWN = 10;

	private static final String ANY_PLAN = "DEFERRED_12";

	private final ReportsApi reports;

	private final TransactionsApi transactions;

	private final AccountsApi accounts;

	private final AccessTokens tokens;

	private final PracticeCalendar calendar;

	private final Money money;

	private final PlanNames planNames;

	DashboardController(ReportsApi reports, TransactionsApi transactions, AccountsApi accounts, AccessTokens tokens,
			PracticeCalendar calendar, Money money, PlanNames planNames) {
		this.reports = reports;
		this.transactions = transactions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.calendar = calendar;
		this.money = money;
		this.planNames = planNames;
	}

	/**
	 * The dashboard, its API calls made side by side: the page takes as long as its
	 * slowest call, not as their sum.
	 */
	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		LocalDate today = this.calendar.today();
		model.addAttribute("user", user);
		model.addAttribute("today", today);
		try (ConcurrentCalls calls = ConcurrentCalls.forThisRequest(this.tokens)) {
			// the first name asked reads every plan's name once for the request
			CompletableFuture<String> planNamesRead = calls.start(() -> this.planNames.name(ANY_PLAN));
			CompletableFuture<List<TransactionsApi.Purchase>> recent = calls.start(() -> recent(today));
			CompletableFuture<List<AccountsApi.EndingPromotion>> ending = calls
				.start(() -> this.accounts.endingPromotions(ENDING_WITHIN_DAYS, ENDING_SHOWN));
			List<CompletableFuture<Figures>> periods = Permission.VIEW_REPORTS.heldBy(user)
					? periods(calls, from, to, today, model) : List.of();
			ConcurrentCalls.result(planNamesRead);
			if (!periods.isEmpty()) {
				section(model, "periods", () -> {
					List<Figures> figures = periods.stream().map(ConcurrentCalls::result).toList();
					Figures range = figures.getLast();
					model.addAttribute("volumeChart", volumeChart(range));
					model.addAttribute("applicationsChart", applicationsChart(range));
					return figures;
				});
			}
			section(model, "recent", () -> ConcurrentCalls.result(recent));
			section(model, "ending", () -> endingSoon(ConcurrentCalls.result(ending)));
		}
		return "dashboard/dashboard";
	}

	/**
	 * Adds a section's content, or notes that it can't be shown now: one service being
	 * down or slow leaves the rest of the dashboard working.
	 */
	private static void section(Model model, String name, Supplier<Object> content) {
		try {
			model.addAttribute(name, content.get());
		}
		catch (ApiUnavailableException | ResourceAccessException ex) {
			unavailable(model, name, ex);
		}
		catch (ApiProblemException ex) {
			if (ex.status() == 401 || ex.status() == 403 || ex.status() == 429) {
				throw ex;
			}
			unavailable(model, name, ex);
		}
	}

	private static void unavailable(Model model, String name, RuntimeException ex) {
		logger.warn("The dashboard could not show its {}: {}", name,
				(ex instanceof ResourceAccessException) ? "I/O error" : ex.getMessage());
		model.addAttribute(name + "Unavailable", true);
	}

	/**
	 * Starts the calls for today's, this month's and the chosen range's figures; a range
	 * that cannot be read shows its sentence beside the last 30 days' figures.
	 */
	private List<CompletableFuture<Figures>> periods(ConcurrentCalls calls, @Nullable String from, @Nullable String to,
			LocalDate today, Model model) {
		DateRange chosen = DateRange.of(from, to, today.minusDays(29), today);
		FormErrors errors = chosen.errors();
		LocalDate first = errors.any() ? today.minusDays(29) : chosen.from();
		LocalDate last = errors.any() ? today : chosen.to();
		model.addAttribute("errors", errors);
		model.addAttribute("from", (from != null && errors.any()) ? from : first.toString());
		model.addAttribute("to", (to != null && errors.any()) ? to : last.toString());
		return List.of(figures(calls, "Today", today, today),
				figures(calls, "This month", today.withDayOfMonth(1), today),
				figures(calls, "From " + first + " to " + last, first, last));
	}

	private CompletableFuture<Figures> figures(ConcurrentCalls calls, String label, LocalDate from, LocalDate to) {
		CompletableFuture<ReportsApi.Summary> summary = calls
			.start(() -> this.reports.summary(from.toString(), to.toString()));
		CompletableFuture<BigDecimal> net = calls
			.start(() -> this.reports.dailyFunding(from.toString(), to.toString()).totals().netFunding());
		return summary.thenCombine(net, (figures, funding) -> new Figures(label, from, to, figures, funding));
	}

	private BarChart volumeChart(Figures range) {
		List<BarChart.Bar> bars = range.summary()
			.byPlan()
			.stream()
			.sorted(Comparator.comparing(ReportsApi.PlanVolume::plan))
			.map((plan) -> new BarChart.Bar(this.planNames.name(plan.plan()), plan.volume(),
					this.money.of(plan.volume()) + " (" + plan.purchases() + ")"))
			.toList();
		return new BarChart("volume-chart", "Purchase volume by plan, " + range.from() + " to " + range.to(), bars);
	}

	private static BarChart applicationsChart(Figures range) {
		ReportsApi.Applications applications = range.summary().applications();
		return new BarChart("applications-chart", "Applications by decision, " + range.from() + " to " + range.to(),
				List.of(bar("Approved", applications.approved()), bar("Declined", applications.declined()),
						bar("Pending review", applications.pending())));
	}

	private static BarChart.Bar bar(String label, long count) {
		return new BarChart.Bar(label, BigDecimal.valueOf(count), Long.toString(count));
	}

	/**
	 * The practice's newest purchases of the last 30 days.
	 */
	private List<TransactionsApi.Purchase> recent(LocalDate today) {
		return this.transactions.purchases(null, today.minusDays(30).toString(), today.toString(), RECENT);
	}

	/**
	 * The practice's open deferred-interest promotions that end in the next 60 days with
	 * something left to pay, soonest first, as account-service (which alone knows the
	 * payments) finds them, by their plans' names.
	 */
	private List<EndingPromotion> endingSoon(List<AccountsApi.EndingPromotion> promotions) {
		return promotions.stream()
			.map((promotion) -> new EndingPromotion(promotion.accountId(), promotion.patient().name(),
					promotion.last4(), promotion.purchaseId(), this.planNames.name(promotion.planCode()),
					promotion.endDate(), promotion.remaining(), promotion.monthlyPayoff()))
			.toList();
	}

	/**
	 * A deferred promotion that ends soon, and what the patient should pay to avoid its
	 * interest.
	 *
	 * @param accountId the patient's account
	 * @param patient the patient's name
	 * @param last4 the last four digits of the account
	 * @param purchaseId the purchase
	 * @param plan the plan's name
	 * @param endDate when the promotion ends
	 * @param remaining what is left to pay
	 * @param monthlyPayoff what to pay a month to clear it in time
	 */
	record EndingPromotion(UUID accountId, String patient, String last4, UUID purchaseId, String plan,
			LocalDate endDate, BigDecimal remaining, @Nullable BigDecimal monthlyPayoff) {

	}

}
