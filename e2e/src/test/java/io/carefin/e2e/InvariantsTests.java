package io.carefin.e2e;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carefin.e2e.Invariants.Accepted;
import io.carefin.e2e.Invariants.CreditLine;
import io.carefin.e2e.Invariants.Delivery;
import io.carefin.e2e.Invariants.Entry;
import io.carefin.e2e.Invariants.Figures;
import io.carefin.e2e.Invariants.Money;
import io.carefin.e2e.Invariants.Observed;
import io.carefin.e2e.Invariants.TransactionPurchase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant checker, on hand-made states without the platform: a consistent one
 * passes, and each kind of loss or double it must catch is named.
 */
class InvariantsTests {

	private static final UUID ACCOUNT = UUID.randomUUID();

	private static final UUID PRACTICE = UUID.randomUUID();

	private static final UUID PURCHASE = UUID.randomUUID();

	private static final UUID PURCHASE_EVENT = UUID.randomUUID();

	private static final UUID REFUND = UUID.randomUUID();

	private static final UUID PAYMENT = UUID.randomUUID();

	private static final UUID DELIVERY = UUID.randomUUID();

	@Test
	void aConsistentStateBreaksNoInvariant() {
		assertThat(Invariants.violations(accepted(), new State().observed())).isEmpty();
	}

	@Test
	void aPurchasePostedTwiceToTheLedgerIsNamedWithTheBalanceItBreaks() {
		State state = new State();
		state.ledger
			.add(new Entry(ACCOUNT, "PURCHASE", new BigDecimal("500.00"), PURCHASE, null, null, UUID.randomUUID()));

		assertThat(Invariants.violations(accepted(), state.observed()))
			.anyMatch((violation) -> violation.startsWith("(2) PURCHASE ledger entries: 2 for " + PURCHASE))
			.anyMatch((violation) -> violation.startsWith("(3) account " + ACCOUNT));
	}

	@Test
	void aLostRefundAPaymentNotFreeingOpenToBuyAndADoubleReceiptAreNamed() {
		State state = new State();
		state.refunds.clear();
		state.lines.put(ACCOUNT, new CreditLine(PRACTICE, new BigDecimal("10000.00"), new BigDecimal("9600.00")));
		state.mails.put(DELIVERY, 2);

		assertThat(Invariants.violations(accepted(), state.observed()))
			.contains("(1) transaction-service's refunds: lacks accepted " + REFUND)
			.anyMatch((violation) -> violation.startsWith("(4) account " + ACCOUNT + ": open-to-buy 9600.00"))
			.contains("(6) purchase " + PURCHASE + ": 2 receipt mails in the patient's inbox, expected 1");
	}

	@Test
	void reportsThatDifferFromTheTransactionsAnUnsentEventAndAParkedRecordAreNamed() {
		State state = new State();
		state.reported.put("2026-12-07 DEFERRED_12 purchases", new Figures(2, new BigDecimal("1000.00")));
		state.unsent.put("account", 1L);
		state.deadLettersAfter.put("transaction.purchases.DLT", 1L);

		assertThat(Invariants.violations(accepted(), state.observed())).contains(
				"(5) 2026-12-07 DEFERRED_12 purchases: reporting-service says 2 for 1000.00, transaction-service's tables 1 for 500.00",
				"(7) 1 unsent events in account's outbox (event_publication)",
				"(7) 1 records parked on transaction.purchases.DLT during the run");
	}

	/** A purchase of 500.00, a refund of 100.00 and a payment of 150.00: 250.00 owed. */
	private static Accepted accepted() {
		Accepted accepted = new Accepted();
		accepted.account(ACCOUNT, "patient@example.com");
		accepted.purchases.add(new Accepted.Purchase(PURCHASE, ACCOUNT, new BigDecimal("500.00"), "DEFERRED_12", true));
		accepted.refunds.add(new Accepted.Refund(REFUND, PURCHASE, ACCOUNT, new BigDecimal("100.00")));
		accepted.payments.add(new Accepted.Payment(PAYMENT, ACCOUNT, new BigDecimal("150.00")));
		return accepted;
	}

	/** What every part holds after {@link #accepted()}, each applied once. */
	private static final class State {

		final Map<UUID, Money> refunds = new HashMap<>(Map.of(REFUND, new Money(PURCHASE, new BigDecimal("100.00"))));

		final Map<UUID, CreditLine> lines = new HashMap<>(
				Map.of(ACCOUNT, new CreditLine(PRACTICE, new BigDecimal("10000.00"), new BigDecimal("9750.00"))));

		final List<Entry> ledger = new ArrayList<>(
				List.of(new Entry(ACCOUNT, "PURCHASE", new BigDecimal("500.00"), PURCHASE, null, null, PURCHASE_EVENT),
						new Entry(ACCOUNT, "REFUND", new BigDecimal("-100.00"), PURCHASE, null, "Refund " + REFUND,
								UUID.randomUUID()),
						new Entry(ACCOUNT, "PAYMENT", new BigDecimal("-150.00"), PURCHASE, PAYMENT,
								"Payment " + PAYMENT, null)));

		final Map<String, Figures> reported = new HashMap<>(
				Map.of("2026-12-07 DEFERRED_12 purchases", new Figures(1, new BigDecimal("500.00")),
						"2026-12-07 DEFERRED_12 refunds", new Figures(1, new BigDecimal("100.00")),
						"2026-12-07 payments collected", new Figures(1, new BigDecimal("150.00"))));

		final Map<UUID, Integer> mails = new HashMap<>(Map.of(DELIVERY, 1));

		final Map<String, Long> unsent = new HashMap<>(Map.of("transaction", 0L, "account", 0L));

		final Map<String, Long> deadLettersAfter = new HashMap<>(Map.of("transaction.purchases.DLT", 0L));

		Observed observed() {
			BigDecimal balance = this.ledger.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			return new Observed(
					Map.of(PURCHASE,
							new TransactionPurchase(ACCOUNT, new BigDecimal("500.00"), "DEFERRED_12", "APPROVED",
									new BigDecimal("100.00"))),
					this.refunds, Map.of(PAYMENT, new Money(ACCOUNT, new BigDecimal("150.00"))), this.lines,
					Map.of(PURCHASE, new Money(ACCOUNT, new BigDecimal("500.00"))), this.ledger,
					Map.of(ACCOUNT, new CreditLine(null, new BigDecimal("10000.00"), balance)),
					Map.of(PAYMENT, new Money(ACCOUNT, new BigDecimal("150.00"))), this.reported,
					Map.of("2026-12-07 DEFERRED_12 purchases", new Figures(1, new BigDecimal("500.00")),
							"2026-12-07 DEFERRED_12 refunds", new Figures(1, new BigDecimal("100.00")),
							"2026-12-07 payments collected", new Figures(1, new BigDecimal("150.00"))),
					Map.of(PURCHASE_EVENT, List.of(new Delivery(DELIVERY, "SENT"))), this.mails, this.unsent,
					Map.of("transaction.purchases.DLT", 0L), this.deadLettersAfter);
		}

	}

}
