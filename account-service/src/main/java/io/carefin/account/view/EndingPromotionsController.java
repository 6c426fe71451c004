package io.carefin.account.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.account.account.Account;
import io.carefin.account.account.AccountAccess;
import io.carefin.account.account.Accounts;
import io.carefin.account.account.Viewer;
import io.carefin.account.ledger.BusinessCalendar;
import io.carefin.account.ledger.PromotionBalances;
import io.carefin.starter.security.Caller;

/**
 * The practice's deferred-interest promotions ending soon, across its patients' accounts,
 * in one call for the dashboard: only the purchases made at the caller's practice, even
 * on an account other practices also sell on.
 */
@RestController
class EndingPromotionsController {

	private static final int DEFAULT_DAYS = 60;

	private static final int MAX_DAYS = 365;

	private static final int DEFAULT_LIMIT = 10;

	private static final int MAX_LIMIT = 100;

	private final AccountAccess access;

	private final Accounts accounts;

	private final PromotionBalances balances;

	private final BusinessCalendar calendar;

	EndingPromotionsController(AccountAccess access, Accounts accounts, PromotionBalances balances,
			BusinessCalendar calendar) {
		this.access = access;
		this.accounts = accounts;
		this.balances = balances;
		this.calendar = calendar;
	}

	/**
	 * The open deferred-interest promotions with something left that end within
	 * {@code days} (1 to 365, 60 by default) of their account's business date, soonest
	 * first, then by purchase; at most {@code limit} (1 to 100, 10 by default).
	 */
	@GetMapping("/api/accounts/promotions/ending")
	@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
	List<AccountViews.EndingPromotion> ending(JwtAuthenticationToken authentication,
			@RequestParam(required = false) @Nullable String days,
			@RequestParam(required = false) @Nullable String limit) {
		List<Map<String, String>> errors = new ArrayList<>();
		int window = bounded("days", days, DEFAULT_DAYS, MAX_DAYS, errors);
		int most = bounded("limit", limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"Ask for promotions ending within 1 to " + MAX_DAYS + " days, at most " + MAX_LIMIT + " of them.");
			problem.setProperty("errors", errors);
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		Viewer viewer = this.access.toLookup(Caller.of(authentication), null);
		UUID practiceId = Objects.requireNonNull(viewer.practiceId(), "only practice users list their promotions");
		List<PromotionBalances.Ending> endings = this.balances.endingSoon(practiceId,
				this.calendar.today(this.calendar.zoneOf(practiceId)), window, most);
		Map<UUID, Account> accounts = this.accounts
			.findAll(endings.stream().map((ending) -> ending.balance().accountId()).distinct().toList());
		return endings.stream()
			.map((ending) -> AccountViews.ending(Objects.requireNonNull(accounts.get(ending.balance().accountId())),
					ending.balance(), ending.businessDate()))
			.toList();
	}

	private static int bounded(String name, @Nullable String value, int fallback, int max,
			List<Map<String, String>> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= 1 && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below like a number out of range
		}
		errors.add(Map.of("field", name, "message", "must be a whole number from 1 to " + max));
		return fallback;
	}

}
