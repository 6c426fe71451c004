package io.carefin.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.ApiUnavailableException;
import io.carefin.portal.api.ReportsApi;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.BarChart;
import io.carefin.portal.workspace.Money;
import io.carefin.portal.workspace.Permission;
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

	private final ReportsApi reports;

	private final TransactionsApi transactions;

	private final AccountsApi accounts;

	private final PracticeCalendar calendar;

	private final Money money;

	DashboardController(ReportsApi reports, TransactionsApi transactions, AccountsApi accounts,
			PracticeCalendar calendar, Money money) {
		this.reports = reports;
		this.transactions = transactions;
		this.accounts = accounts;
		this.calendar = calendar;
		this.money = money;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		LocalDate today = this.calendar.today();
		model.addAttribute("user", user);
		model.addAttribute("today", today);
		if (Permission.VIEW_REPORTS.heldBy(user)) {
			DateRange chosen = DateRange.of(from, to, today.minusDays(29), today);
			FormErrors errors = chosen.errors();
			// a range that cannot be read shows its sentence beside the last 30 days'
			// figures
			LocalDate first = errors.any() ? today.minusDays(29) : chosen.from();
			LocalDate last = errors.any() ? today : chosen.to();
			model.addAttribute("errors", errors);
			model.addAttribute("from", (from != null && errors.any()) ? from : first.toString());
			model.addAttribute("to", (to != null && errors.any()) ? to : last.toString());
			LocalDate rangeFrom = first;
			LocalDate rangeTo = last;
			section(model, "periods", () -> {
				Figures range = figures("From " + rangeFrom + " to " + rangeTo, rangeFrom, rangeTo);
				model.addAttribute("volumeChart", volumeChart(range));
				model.addAttribute("applicationsChart", applicationsChart(range));
				return List.of(figures("Today", today, today), figures("This month", today.withDayOfMonth(1), today),
						range);
			});
		}
		section(model, "recent", () -> recent(today));
		section(model, "ending", () -> endingSoon(today));
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

	private Figures figures(String label, LocalDate from, LocalDate to) {
		ReportsApi.Summary summary = this.reports.summary(from.toString(), to.toString());
		BigDecimal net = this.reports.dailyFunding(from.toString(), to.toString()).totals().netFunding();
		return new Figures(label, from, to, summary, net);
	}

	private BarChart volumeChart(Figures range) {
		List<BarChart.Bar> bars = range.summary()
			.byPlan()
			.stream()
			.sorted(Comparator.comparing(ReportsApi.PlanVolume::plan))
			.map((plan) -> new BarChart.Bar(plan.plan(), plan.volume(),
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

	private List<TransactionsApi.Purchase> recent(LocalDate today) {
		return this.transactions.purchases(null, today.minusDays(30).toString(), today.toString())
			.stream()
			.sorted(Comparator.comparing(TransactionsApi.Purchase::createdAt).reversed())
			.limit(RECENT)
			.toList();
	}

	/**
	 * Deferred-interest purchases whose promotion ends in the next 60 days, with what is
	 * left of each from account-service (which alone knows the payments): the oldest
	 * deferred plan is 24 months and the shortest 6, so only purchases made between 24
	 * months and 6 months less 60 days ago can end so soon.
	 */
	private List<EndingPromotion> endingSoon(LocalDate today) {
		LocalDate horizon = today.plusDays(ENDING_WITHIN_DAYS);
		List<TransactionsApi.Purchase> candidates = this.transactions
			.purchases(null, today.minusMonths(24).toString(), horizon.minusMonths(6).toString())
			.stream()
			.filter((purchase) -> purchase.plan().kind().startsWith("DEFERRED"))
			.filter((purchase) -> "APPROVED".equals(purchase.status()) || "SETTLED".equals(purchase.status()))
			.filter((purchase) -> {
				LocalDate end = purchase.businessDate().plusMonths(purchase.plan().months());
				return !end.isBefore(today) && !end.isAfter(horizon);
			})
			.sorted(Comparator.comparing((TransactionsApi.Purchase purchase) -> purchase.businessDate()
				.plusMonths(purchase.plan().months())))
			.toList();
		List<EndingPromotion> ending = new ArrayList<>();
		Map<UUID, AccountsApi.Summary> seen = new java.util.HashMap<>();
		for (TransactionsApi.Purchase purchase : candidates) {
			if (ending.size() == ENDING_SHOWN) {
				break;
			}
			AccountsApi.Summary account = seen.computeIfAbsent(purchase.accountId(), this::accountOrNull);
			if (account == null) {
				continue;
			}
			account.promotions()
				.stream()
				.filter((promotion) -> promotion.purchaseId().equals(purchase.purchaseId()))
				.filter((promotion) -> promotion.open() && promotion.remaining().signum() > 0)
				.findFirst()
				.ifPresent((promotion) -> ending.add(new EndingPromotion(account.accountId(), account.patient().name(),
						account.last4(), purchase.purchaseId(), promotion.planCode(), promotion.endDate(),
						promotion.remaining(), promotion.monthlyPayoff())));
		}
		return ending;
	}

	private AccountsApi.@Nullable Summary accountOrNull(UUID accountId) {
		try {
			return this.accounts.account(accountId);
		}
		catch (ApiProblemException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * A deferred promotion that ends soon, and what the patient should pay to avoid its
	 * interest.
	 *
	 * @param accountId the patient's account
	 * @param patient the patient's name
	 * @param last4 the last four digits of the account
	 * @param purchaseId the purchase
	 * @param plan the plan
	 * @param endDate when the promotion ends
	 * @param remaining what is left to pay
	 * @param monthlyPayoff what to pay a month to clear it in time
	 */
	record EndingPromotion(UUID accountId, String patient, String last4, UUID purchaseId, String plan,
			LocalDate endDate, BigDecimal remaining, @Nullable BigDecimal monthlyPayoff) {

	}

}
