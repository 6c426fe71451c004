package io.carefin.account.ledger;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops' endpoints: run the business days up to a date (so that the local mode and the
 * end-to-end suite can move time without waiting), and check the ledger.
 */
@RestController
class OperationsController {

	private final BusinessDay businessDay;

	private final LedgerCheck check;

	OperationsController(BusinessDay businessDay, LedgerCheck check) {
		this.businessDay = businessDay;
		this.check = check;
	}

	@PostMapping("/api/accounts/business-days")
	@PreAuthorize("hasRole('OPS_ADMIN')")
	BusinessDayRun run(@Valid @RequestBody BusinessDayRequest request) {
		return new BusinessDayRun(request.through(), this.businessDay.runThrough(request.through()));
	}

	@GetMapping("/api/accounts/ledger-check")
	@PreAuthorize("hasAnyRole('OPS_ADMIN', 'AUDITOR')")
	LedgerCheck.Result check() {
		return this.check.check(null);
	}

	record BusinessDayRequest(@NotNull LocalDate through) {
	}

	record BusinessDayRun(LocalDate through, int balancesMoved) {
	}

}
