package io.carefin.account.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where a payment goes: amounts due first, then the highest APR, except a deferred
 * promotion in its last two months (Reg Z 1026.53(b)).
 */
class PaymentAllocationTests {

	private static final LocalDate START = LocalDate.of(2026, 1, 15);

	private final UUID fixed15 = UUID.randomUUID();

	private final UUID fixed18 = UUID.randomUUID();

	private final UUID deferred = UUID.randomUUID();

	@Test
	void paysEveryAmountDueBeforeAnyExcess() {
		Map<UUID, BigDecimal> paid = PaymentAllocation.allocate(new BigDecimal("100.00"),
				List.of(claim(this.fixed15, "1000.00", "40.00", "14.90", false),
						claim(this.fixed18, "1000.00", "25.00", "17.90", false),
						claim(this.deferred, "1000.00", "30.00", "0.00", false)));

		assertThat(paid).containsEntry(this.fixed15, new BigDecimal("40.00"))
			.containsEntry(this.fixed18, new BigDecimal("30.00"))
			.containsEntry(this.deferred, new BigDecimal("30.00"));
	}

	@Test
	void sendsTheExcessToTheHighestAprBalance() {
		Map<UUID, BigDecimal> paid = PaymentAllocation.allocate(new BigDecimal("500.00"),
				List.of(claim(this.deferred, "1000.00", "30.00", "0.00", false),
						claim(this.fixed15, "1000.00", "40.00", "14.90", false),
						claim(this.fixed18, "1000.00", "25.00", "17.90", false)));

		assertThat(paid).containsEntry(this.deferred, new BigDecimal("30.00"))
			.containsEntry(this.fixed15, new BigDecimal("40.00"))
			.containsEntry(this.fixed18, new BigDecimal("430.00"));
	}

	@Test
	void sendsTheExcessToADeferredPromotionInItsLastTwoMonthsFirst() {
		Map<UUID, BigDecimal> paid = PaymentAllocation.allocate(new BigDecimal("500.00"),
				List.of(claim(this.deferred, "1000.00", "30.00", "0.00", true),
						claim(this.fixed15, "1000.00", "40.00", "14.90", false),
						claim(this.fixed18, "1000.00", "25.00", "17.90", false)));

		assertThat(paid).containsEntry(this.deferred, new BigDecimal("435.00"))
			.containsEntry(this.fixed15, new BigDecimal("40.00"))
			.containsEntry(this.fixed18, new BigDecimal("25.00"));
	}

	@Test
	void movesOnToTheNextBalanceWhenOneIsPaidOff() {
		Map<UUID, BigDecimal> paid = PaymentAllocation.allocate(new BigDecimal("500.00"),
				List.of(claim(this.deferred, "200.00", "30.00", "0.00", true),
						claim(this.fixed15, "1000.00", "40.00", "14.90", false),
						claim(this.fixed18, "1000.00", "25.00", "17.90", false)));

		assertThat(paid).containsEntry(this.deferred, new BigDecimal("200.00"))
			.containsEntry(this.fixed15, new BigDecimal("40.00"))
			.containsEntry(this.fixed18, new BigDecimal("260.00"));
		assertThat(paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("500.00");
	}

	@Test
	void refusesMoreThanIsOwed() {
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentAllocation.allocate(new BigDecimal("100.01"),
				List.of(claim(this.fixed15, "100.00", "40.00", "14.90", false))));
	}

	private static PaymentAllocation.Claim claim(UUID id, String remaining, String due, String apr,
			boolean lastTwoMonths) {
		return new PaymentAllocation.Claim(id, new BigDecimal(remaining), new BigDecimal(due), new BigDecimal(apr),
				lastTwoMonths, START, START.plusMonths(12));
	}

}
