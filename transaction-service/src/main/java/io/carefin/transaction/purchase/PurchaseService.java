package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseDeclined;
import io.carefin.contracts.transaction.PurchaseVoided;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.transaction.BusinessDays;
import io.carefin.transaction.Refusal;
import io.carefin.transaction.creditline.CreditLine;
import io.carefin.transaction.creditline.CreditLines;
import io.carefin.transaction.practice.Practices;
import io.carefin.transaction.promotion.Plan;
import io.carefin.transaction.promotion.Promotions;

/**
 * Charges, refunds and voids purchases on patients' credit lines, each in one transaction
 * with its events; a closed practice charges no new purchase, but refunds and voids its
 * own.
 */
@Service
class PurchaseService {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Purchases purchases;

	private final CreditLines creditLines;

	private final Promotions promotions;

	private final BusinessDays businessDays;

	private final Practices practices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PurchaseService(Purchases purchases, CreditLines creditLines, Promotions promotions, BusinessDays businessDays,
			Practices practices, ApplicationEventPublisher events, Clock clock) {
		this.purchases = purchases;
		this.creditLines = creditLines;
		this.promotions = promotions;
		this.businessDays = businessDays;
		this.practices = practices;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Purchase purchase(UUID practiceId, String practiceName, PurchaseRequest request) {
		this.practices.checkOpen(practiceId);
		Instant now = now();
		LocalDate day = this.businessDays.dayOf(practiceId, now);
		// the plan is checked before the account is looked up, so that its answer says
		// nothing about whether an account number exists
		Plan plan = this.promotions.enabledPlan(practiceId, request.promotionCode(), day)
			.orElseThrow(() -> Refusal.unprocessable("promotion-not-enabled", "The practice does not offer the plan "
					+ request.promotionCode() + ": enable it in Manage Promotions or pick another."));
		BigDecimal amount = request.amount().setScale(2);
		if (amount.compareTo(plan.minimumAmount()) < 0) {
			throw Refusal.unprocessable("below-plan-minimum", "The plan " + plan.code() + " finances purchases of "
					+ plan.minimumAmount().toPlainString() + " USD or more.");
		}
		CreditLine line = account(practiceId, request);
		boolean known = this.creditLines.ofPractice(practiceId, line.accountId()).isPresent();
		String reason = null;
		if (!line.isActive()) {
			reason = "ACCOUNT_NOT_ACTIVE";
		}
		else if (!this.creditLines.charge(line.accountId(), amount)) {
			reason = "INSUFFICIENT_OPEN_TO_BUY";
		}
		if (reason != null && !known) {
			// a practice that does not know the account yet (it typed the number) learns
			// nothing from a decline that an unknown number would not tell it: both are
			// the
			// same 404, and nothing is recorded
			throw Refusal.notFound("account");
		}
		Purchase purchase = new Purchase(UUID.randomUUID(), practiceId, practiceName, line.accountId(),
				line.accountLast4(), amount, plan.terms(), plan.merchantFeeRate(),
				(reason != null) ? "DECLINED" : "APPROVED", reason, (reason != null) ? null : authorizationCode(),
				new BigDecimal("0.00"), now, day, null, null, null, request.disclosureVersion());
		this.purchases.add(purchase);
		if (reason == null) {
			if (request.accountNumber() != null) {
				this.creditLines.relate(practiceId, line.accountId());
			}
			this.events
				.publishEvent(new PurchaseApproved(UUID.randomUUID(), now, purchase.id(), practiceId, practiceName,
						line.accountId(), line.accountLast4(), amount, plan.terms(), purchase.authorizationCode()));
		}
		else {
			this.events.publishEvent(new PurchaseDeclined(UUID.randomUUID(), now, purchase.id(), practiceId,
					line.accountId(), amount, plan.code(), reason));
		}
		return purchase;
	}

	@Transactional
	RefundIssued refund(UUID practiceId, UUID purchaseId, BigDecimal requested) {
		Purchase purchase = this.purchases.lockOfPractice(purchaseId, practiceId)
			.orElseThrow(() -> Refusal.notFound("purchase"));
		BigDecimal amount = requested.setScale(2);
		purchase.checkRefund(amount);
		Instant now = now();
		UUID refundId = UUID.randomUUID();
		this.purchases.refund(purchaseId, refundId, amount, purchase.isSettled(), now);
		this.creditLines.freeOpenToBuy(purchase.accountId(), amount);
		RefundIssued refund = new RefundIssued(UUID.randomUUID(), now, refundId, purchaseId, practiceId,
				purchase.practiceName(), purchase.accountId(), purchase.accountLast4(), amount, purchase.plan().code(),
				purchase.isSettled());
		this.events.publishEvent(refund);
		return refund;
	}

	@Transactional
	Purchase voidPurchase(UUID practiceId, UUID purchaseId) {
		Purchase purchase = this.purchases.lockOfPractice(purchaseId, practiceId)
			.orElseThrow(() -> Refusal.notFound("purchase"));
		if (purchase.checkVoid()) {
			Instant now = now();
			this.purchases.voided(purchaseId, now);
			this.creditLines.freeOpenToBuy(purchase.accountId(), purchase.remaining());
			this.events.publishEvent(new PurchaseVoided(UUID.randomUUID(), now, purchaseId, practiceId,
					purchase.practiceName(), purchase.accountId(), purchase.accountLast4(), purchase.remaining(),
					purchase.plan().code()));
		}
		return this.purchases.ofPractice(purchaseId, practiceId).orElseThrow();
	}

	@Transactional(readOnly = true)
	Purchase get(UUID practiceId, UUID purchaseId) {
		return this.purchases.ofPractice(purchaseId, practiceId).orElseThrow(() -> Refusal.notFound("purchase"));
	}

	/**
	 * The practice's newest purchases, at most {@code limit}, on one account and between
	 * two business days when given: one SELECT, without a transaction of its own.
	 */
	List<Purchase> list(UUID practiceId, @Nullable UUID accountId, @Nullable LocalDate from, @Nullable LocalDate to,
			int limit) {
		return this.purchases.ofPractice(practiceId, accountId, from, to, limit);
	}

	private CreditLine account(UUID practiceId, PurchaseRequest request) {
		if ((request.accountId() == null) == (request.accountNumber() == null)) {
			throw Refusal.invalid("accountId", "name the account by exactly one of accountId and accountNumber");
		}
		if (request.accountId() != null) {
			return this.creditLines.ofPractice(practiceId, request.accountId())
				.orElseThrow(() -> Refusal.notFound("account"));
		}
		return this.creditLines.byAccountNumber(request.accountNumber()).orElseThrow(() -> Refusal.notFound("account"));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private String authorizationCode() {
		StringBuilder code = new StringBuilder(6);
		for (int i = 0; i < 6; i++) {
			code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

}
