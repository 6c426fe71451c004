package io.carefin.transaction.purchase;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets ops settle a business day now, as the local mode and the end-to-end suite do
 * instead of waiting for the day to end.
 */
@RestController
@PreAuthorize("hasRole('OPS_ADMIN')")
class SettlementController {

	private final Settlement settlement;

	SettlementController(Settlement settlement) {
		this.settlement = settlement;
	}

	@PostMapping("/api/transactions/settlements")
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
