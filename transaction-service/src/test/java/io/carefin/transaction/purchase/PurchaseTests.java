package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import io.carefin.contracts.transaction.PlanTerms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PurchaseTests {

	@Test
	void refundNeverExceedsWhatIsLeft() {
		Purchase purchase = purchase("APPROVED", "1000.00", "400.00");
		purchase.checkRefund(new BigDecimal("600.00"));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> purchase.checkRefund(new BigDecimal("600.01")))
			.satisfies((ex) -> assertThat(ex.getBody().getType().toString()).endsWith("/refund-exceeds-purchase"));
	}

	@Test
	void aSettledPurchaseCanStillBeRefunded() {
		purchase("SETTLED", "1000.00", "0.00").checkRefund(new BigDecimal("1000.00"));
	}

	@Test
	void voidedAndDeclinedPurchasesTakeNoRefund() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> purchase("VOIDED", "1000.00", "0.00").checkRefund(new BigDecimal("1.00")))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(409));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> purchase("DECLINED", "1000.00", "0.00").checkRefund(new BigDecimal("1.00")));
	}

	@Test
	void voidIsAllowedOnlyBeforeSettlementAndOnceIsEnough() {
		assertThat(purchase("APPROVED", "1000.00", "0.00").checkVoid()).isTrue();
		assertThat(purchase("VOIDED", "1000.00", "0.00").checkVoid()).isFalse();
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> purchase("SETTLED", "1000.00", "0.00").checkVoid())
			.satisfies((ex) -> assertThat(ex.getBody().getType().toString()).endsWith("/purchase-settled"));
	}

	private static Purchase purchase(String status, String amount, String refunded) {
		return new Purchase(UUID.randomUUID(), UUID.randomUUID(), "Practice", UUID.randomUUID(), "1234",
				new BigDecimal(amount),
				new PlanTerms("DEFERRED_12", "DEFERRED_INTEREST", 12, new BigDecimal("0.00"), new BigDecimal("26.99")),
				new BigDecimal("0.0600"), status, null, "ABC123", new BigDecimal(refunded), Instant.now(),
				LocalDate.now(), null, null, null, null);
	}

}
