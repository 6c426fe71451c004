package io.carefin.transaction.purchase;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.starter.security.Caller;
import io.carefin.transaction.Refusal;

/**
 * A practice's settlement statement; and ops settling a business day now, as the local
 * mode and the end-to-end suite do instead of waiting for the day to end.
 */
@RestController
class SettlementController {

	private static final int MAX_DAYS = 366;

	private final Settlement settlement;

	private final SettlementStatements statements;

	SettlementController(Settlement settlement, SettlementStatements statements) {
		this.settlement = settlement;
		this.statements = statements;
	}

	/**
	 * The practice's settlements per day: what settled, the merchant fees, the payments
	 * it collected for the lender (deducted), and the net it is paid.
	 */
	@GetMapping("/api/transactions/settlements")
	@PreAuthorize("hasAuthority('PERMISSION_VIEW_REPORTS')")
	List<SettlementStatements.SettlementDay> statement(JwtAuthenticationToken authentication,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		UUID practice = Caller.of(authentication).practiceId();
		if (practice == null) {
			throw new AccessDeniedException("Not a practice user");
		}
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw Refusal.invalid("to", "must be on or after from, at most " + MAX_DAYS + " days later");
		}
		return this.statements.of(practice, from, to);
	}

	@PostMapping("/api/transactions/settlements")
	@PreAuthorize("hasRole('OPS_ADMIN')")
	SettlementResponse settle(@Valid @RequestBody SettlementRequest request) {
		int settled = (request.practiceId() != null) ? this.settlement.settle(request.practiceId(), request.date())
				: this.settlement.settleThrough(request.date());
		return new SettlementResponse(request.date(), settled);
	}

	record SettlementRequest(@NotNull LocalDate date, @Nullable UUID practiceId) {
	}

	record SettlementResponse(LocalDate through, int settled) {
	}

}
