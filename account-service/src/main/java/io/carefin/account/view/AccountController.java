package io.carefin.account.view;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.account.account.Account;
import io.carefin.account.account.AccountAccess;
import io.carefin.account.account.AccountNotFoundException;
import io.carefin.account.account.AccountStatus;
import io.carefin.account.account.Accounts;
import io.carefin.account.account.Viewer;
import io.carefin.account.ledger.BusinessCalendar;
import io.carefin.account.ledger.Ledger;
import io.carefin.account.ledger.PromotionBalance;
import io.carefin.account.ledger.PromotionBalances;
import io.carefin.financing.AmortizationSchedule;
import io.carefin.starter.security.Caller;

/**
 * Account lookup and reads for practices (their own patients only) and support staff (any
 * account, with a reason, audited and masked), and support's status changes.
 */
@RestController
class AccountController {

	/**
	 * Who reads patients' accounts: practice users (their own patients) and support
	 * staff.
	 */
	static final String PRACTICES_AND_SUPPORT = "hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER', 'SUPPORT')";

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{16}");

	private static final int ACTIVITY_LIMIT = 500;

	private final AccountAccess access;

	private final Accounts accounts;

	private final PromotionBalances balances;

	private final Ledger ledger;

	private final BusinessCalendar calendar;

	AccountController(AccountAccess access, Accounts accounts, PromotionBalances balances, Ledger ledger,
			BusinessCalendar calendar) {
		this.access = access;
		this.accounts = accounts;
		this.balances = balances;
		this.ledger = ledger;
		this.calendar = calendar;
	}

	@GetMapping("/api/accounts")
	@PreAuthorize(PRACTICES_AND_SUPPORT)
	List<AccountViews.Match> lookup(JwtAuthenticationToken authentication,
			@RequestParam(required = false) @Nullable String lastName,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateOfBirth,
			@RequestParam(required = false) @Nullable String accountNumber,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason) {
		return lookup(Caller.of(authentication), reason, lastName, dateOfBirth, accountNumber);
	}

	/**
	 * The same lookup as {@code GET /api/accounts}, with the patient's details in the
	 * body rather than in the URL (where proxies and logs keep them).
	 */
	@PostMapping("/api/accounts/lookup")
	@PreAuthorize(PRACTICES_AND_SUPPORT)
	List<AccountViews.Match> lookupByBody(JwtAuthenticationToken authentication,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason,
			@RequestBody LookupRequest request) {
		LocalDate dateOfBirth = null;
		if (request.dateOfBirth() != null && !request.dateOfBirth().isBlank()) {
			try {
				dateOfBirth = LocalDate.parse(request.dateOfBirth().strip());
			}
			catch (DateTimeParseException ex) {
				throw badLookup("A date of birth is written YYYY-MM-DD, such as 1985-04-12.");
			}
		}
		return lookup(Caller.of(authentication), reason, request.lastName(), dateOfBirth, request.accountNumber());
	}

	/**
	 * Finds accounts by number, or by last name and date of birth; a blank field counts
	 * as not given.
	 */
	private List<AccountViews.Match> lookup(Caller caller, @Nullable String reason, @Nullable String name,
			@Nullable LocalDate dateOfBirth, @Nullable String number) {
		String lastName = (name != null && !name.isBlank()) ? name : null;
		String accountNumber = (number != null && !number.isBlank()) ? number : null;
		if (accountNumber != null && (lastName != null || dateOfBirth != null)) {
			throw badLookup("Look an account up by accountNumber, or by lastName and dateOfBirth, not both.");
		}
		if (accountNumber != null) {
			String digits = accountNumber.replace(" ", "").replace("-", "");
			if (!ACCOUNT_NUMBER.matcher(digits).matches()) {
				throw badLookup("An account number has 16 digits.");
			}
			Viewer viewer = this.access.toLookup(caller, reason);
			return this.accounts.byAccountNumber(digits)
				.stream()
				.filter((account) -> this.access.canSee(viewer, account.id(), "LOOKUP_BY_NUMBER"))
				.map((account) -> AccountViews.match(account, viewer))
				.toList();
		}
		if (lastName != null && dateOfBirth != null) {
			Viewer viewer = this.access.toLookup(caller, reason);
			return this.accounts.byLastNameAndDateOfBirth(lastName, dateOfBirth)
				.stream()
				.filter((account) -> this.access.canSee(viewer, account.id(), "LOOKUP_BY_NAME"))
				.map((account) -> AccountViews.match(account, viewer))
				.toList();
		}
		throw badLookup("Look an account up by accountNumber, or by lastName and dateOfBirth (YYYY-MM-DD).");
	}

	@GetMapping("/api/accounts/{accountId}")
	@PreAuthorize(PRACTICES_AND_SUPPORT)
	AccountViews.Summary summary(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason) {
		Viewer viewer = this.access.toAccount(Caller.of(authentication), accountId, reason, "READ_SUMMARY");
		Account account = this.accounts.find(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
		List<PromotionBalance> promotions = visible(viewer, this.balances.ofAccount(accountId));
		return AccountViews.summary(account, promotions, businessDate(viewer, promotions), viewer);
	}

	@GetMapping("/api/accounts/{accountId}/activity")
	@PreAuthorize(PRACTICES_AND_SUPPORT)
	List<AccountViews.Activity> activity(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason) {
		Viewer viewer = this.access.toAccount(Caller.of(authentication), accountId, reason, "READ_ACTIVITY");
		return this.ledger.entries(accountId, viewer.practiceId(), ACTIVITY_LIMIT)
			.stream()
			.map((entry) -> new AccountViews.Activity(entry.id(), entry.kind().name(), entry.amount(),
					entry.occurredAt(), entry.businessDate(), entry.purchaseId(), entry.planCode(),
					entry.practiceName(), entry.authorizationCode(), entry.paymentId(), entry.detail()))
			.toList();
	}

	@GetMapping("/api/accounts/{accountId}/promotions/{purchaseId}/schedule")
	@PreAuthorize(PRACTICES_AND_SUPPORT)
	AccountViews.Schedule schedule(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@PathVariable UUID purchaseId,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason) {
		Viewer viewer = this.access.toAccount(Caller.of(authentication), accountId, reason, "READ_SCHEDULE");
		PromotionBalance balance = this.balances.find(purchaseId)
			.filter((candidate) -> candidate.accountId().equals(accountId))
			.filter((candidate) -> viewer.support() || candidate.practiceId().equals(viewer.practiceId()))
			.orElseThrow(() -> new AccountNotFoundException(accountId));
		AmortizationSchedule schedule = balance.schedule();
		if (schedule == null) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
							"A deferred-interest promotion has no amortisation schedule; see monthlyPayoff."),
					null);
		}
		return AccountViews.schedule(balance, schedule);
	}

	@PostMapping("/api/accounts/{accountId}/status")
	@PreAuthorize("hasRole('SUPPORT')")
	@Transactional
	AccountViews.Summary changeStatus(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason,
			@Valid @RequestBody StatusChange change) {
		Viewer viewer = this.access.toAccount(Caller.of(authentication), accountId, reason,
				"CHANGE_STATUS " + change.status());
		this.accounts.lockForUpdate(accountId);
		this.accounts.status(accountId, change.status());
		Account account = this.accounts.find(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
		List<PromotionBalance> promotions = this.balances.ofAccount(accountId);
		return AccountViews.summary(account, promotions, businessDate(viewer, promotions), viewer);
	}

	/**
	 * The promotional balances a viewer may see: support all of them, a practice those of
	 * the purchases made at it (others reveal care received elsewhere).
	 */
	private static List<PromotionBalance> visible(Viewer viewer, List<PromotionBalance> balances) {
		if (viewer.support()) {
			return balances;
		}
		return balances.stream().filter((balance) -> balance.practiceId().equals(viewer.practiceId())).toList();
	}

	private LocalDate businessDate(Viewer viewer, List<PromotionBalance> promotions) {
		return PromotionBalances.businessDate(this.calendar.today(this.calendar.zoneOf(viewer.practiceId())),
				promotions);
	}

	/**
	 * A new status for an account.
	 *
	 * @param status {@code ACTIVE}, {@code CLOSED} or {@code CHARGED_OFF}
	 */
	record StatusChange(@NotNull AccountStatus status) {
	}

	/**
	 * A lookup: by {@code accountNumber} (16 digits, spaces and dashes ignored), or by
	 * {@code lastName} and {@code dateOfBirth}, never both.
	 *
	 * @param lastName the patient's last name
	 * @param dateOfBirth the patient's date of birth, YYYY-MM-DD
	 * @param accountNumber the full account number
	 */
	record LookupRequest(@Nullable String lastName, @Nullable String dateOfBirth, @Nullable String accountNumber) {

		@Override
		public String toString() {
			return "LookupRequest[***]";
		}

	}

	private static ErrorResponseException badLookup(String detail) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
	}

}
