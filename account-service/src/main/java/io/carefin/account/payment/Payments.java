package io.carefin.account.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.carefin.account.account.AccountAccess;
import io.carefin.account.account.Accounts;
import io.carefin.account.account.Viewer;
import io.carefin.account.ledger.BusinessCalendar;
import io.carefin.account.ledger.EntryKind;
import io.carefin.account.ledger.Ledger;
import io.carefin.account.ledger.PromotionBalance;
import io.carefin.account.ledger.PromotionBalances;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.financing.Cents;
import io.carefin.starter.idempotency.Idempotency;
import io.carefin.starter.security.Caller;

/**
 * Posts payments once per {@code Idempotency-Key}: allocates them over the account's
 * balances, appends an entry per balance paid, records the payment, and publishes
 * {@link PaymentPosted} (which frees open-to-buy and sends a receipt) in the same
 * transaction.
 */
@Service
class Payments {

	private final Idempotency idempotency;

	private final AccountAccess access;

	private final Accounts accounts;

	private final PromotionBalances balances;

	private final Ledger ledger;

	private final BusinessCalendar calendar;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Payments(Idempotency idempotency, AccountAccess access, Accounts accounts, PromotionBalances balances,
			Ledger ledger, BusinessCalendar calendar, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.idempotency = idempotency;
		this.access = access;
		this.accounts = accounts;
		this.balances = balances;
		this.ledger = ledger;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.events = events;
	}

	ResponseEntity<?> post(Caller caller, UUID accountId, @Nullable String reason, @Nullable String key,
			PaymentRequest request) {
		return this.idempotency.once(caller, key, "POST /api/accounts/{id}/payments",
				new Fingerprint(accountId, request.amount()),
				() -> this.access.toAccount(caller, accountId, reason, "POST_PAYMENT"), (viewer) -> {
					Payment payment = apply(viewer, accountId, Cents.exact(request.amount()));
					return ResponseEntity
						.created(URI.create("/api/accounts/" + accountId + "/payments/" + payment.paymentId()))
						.body(payment.seenBy(viewer, this.balances.practicesOf(accountId)));
				});
	}

	private Payment apply(Viewer viewer, UUID accountId, BigDecimal amount) {
		String last4 = this.accounts.lockForUpdate(accountId).orElseThrow();
		List<PromotionBalance> payable = this.balances.ofAccount(accountId)
			.stream()
			.filter(PromotionBalance::payable)
			.toList();
		LocalDate day = this.calendar.today(this.calendar.zoneOf(viewer.practiceId()));
		for (PromotionBalance balance : payable) {
			if (!balance.processedThrough().isBefore(day)) {
				day = balance.processedThrough().plusDays(1);
			}
		}
		BigDecimal owed = payable.stream().map(PromotionBalance::remaining).reduce(Cents.ZERO, BigDecimal::add);
		if (amount.compareTo(owed) > 0) {
			throw new PaymentRejectedException("The payment of " + amount + " is more than the " + owed
					+ " the account owes. Post at most " + owed + ".");
		}
		List<PaymentAllocation.Claim> claims = new ArrayList<>();
		for (PromotionBalance balance : payable) {
			BigDecimal due = balance.minimumDue(day)
				.subtract(this.ledger.paidSince(balance.purchaseId(), balance.cycleStart(day)))
				.max(Cents.ZERO);
			claims.add(new PaymentAllocation.Claim(balance.purchaseId(), balance.remaining(), due,
					balance.allocationApr(), balance.inLastTwoMonths(day), balance.startDate(), balance.endDate()));
		}
		Map<UUID, BigDecimal> allocated = PaymentAllocation.allocate(amount, claims);
		UUID paymentId = UUID.randomUUID();
		Instant now = this.calendar.now();
		List<Payment.Part> parts = new ArrayList<>();
		for (Map.Entry<UUID, BigDecimal> part : allocated.entrySet()) {
			PromotionBalance balance = payable.stream()
				.filter((candidate) -> candidate.purchaseId().equals(part.getKey()))
				.findFirst()
				.orElseThrow();
			this.ledger.append(new Ledger.NewEntry(accountId, part.getKey(), EntryKind.PAYMENT,
					part.getValue().negate(), day, now, null, paymentId, null, "Payment " + paymentId));
			parts.add(new Payment.Part(part.getKey(), balance.planCode(), part.getValue()));
		}
		this.jdbc.sql("""
				INSERT INTO payment (id, account_id, amount, posted_at, business_date, practice_id, posted_by)
				VALUES (:id, :account, :amount, :postedAt, :day, :practice, :postedBy)
				""")
			.param("id", paymentId)
			.param("account", accountId)
			.param("amount", amount)
			.param("postedAt", now.atOffset(ZoneOffset.UTC))
			.param("day", day)
			.param("practice", viewer.practiceId())
			.param("postedBy", viewer.actor())
			.update();
		this.events.publishEvent(
				new PaymentPosted(UUID.randomUUID(), now, paymentId, accountId, last4, amount, viewer.practiceId()));
		return new Payment(paymentId, accountId, amount, now, day, viewer.practiceId(), parts);
	}

	/**
	 * An account's payments as a viewer may see them ({@link Payment#seenBy}), newest
	 * first, with how each was allocated.
	 */
	List<Payment> history(Viewer viewer, UUID accountId) {
		Map<UUID, UUID> practices = this.balances.practicesOf(accountId);
		return history(accountId).stream()
			.map((payment) -> payment.seenBy(viewer, practices))
			.filter(Objects::nonNull)
			.toList();
	}

	private List<Payment> history(UUID accountId) {
		List<Payment> payments = this.jdbc
			.sql("SELECT * FROM payment WHERE account_id = :account ORDER BY posted_at DESC")
			.param("account", accountId)
			.query((row, n) -> new Payment(row.getObject("id", UUID.class), accountId, row.getBigDecimal("amount"),
					row.getObject("posted_at", OffsetDateTime.class).toInstant(),
					row.getObject("business_date", LocalDate.class), row.getObject("practice_id", UUID.class),
					List.of()))
			.list();
		return payments.stream().map((payment) -> payment.withParts(parts(payment.paymentId()))).toList();
	}

	private List<Payment.Part> parts(UUID paymentId) {
		return this.jdbc.sql("""
				SELECT e.purchase_id, p.plan_code, -e.amount AS amount FROM ledger_entry e
				JOIN promotion_balance p ON p.purchase_id = e.purchase_id WHERE e.payment_id = :payment ORDER BY e.id
				""")
			.param("payment", paymentId)
			.query((row, n) -> new Payment.Part(row.getObject("purchase_id", UUID.class), row.getString("plan_code"),
					row.getBigDecimal("amount")))
			.list();
	}

	record Fingerprint(UUID accountId, BigDecimal amount) {
	}

}
