package io.carefin.account.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import io.carefin.account.account.Accounts;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseVoided;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.financing.PlanKind;

/**
 * Applies transaction-service's purchases, refunds and voids to accounts: a purchase
 * opens a promotional balance on its plan's terms and charges it; a refund credits it; a
 * void reverses what was left of it. An event for an account or purchase not known yet
 * fails, to be retried and then parked.
 */
@Component
class PurchaseLedger {

	private final Accounts accounts;

	private final PromotionBalances balances;

	private final Ledger ledger;

	private final BusinessCalendar calendar;

	PurchaseLedger(Accounts accounts, PromotionBalances balances, Ledger ledger, BusinessCalendar calendar) {
		this.accounts = accounts;
		this.balances = balances;
		this.ledger = ledger;
		this.calendar = calendar;
	}

	void approved(PurchaseApproved purchase) {
		this.accounts.lockForUpdate(purchase.accountId())
			.orElseThrow(() -> new AccountNotOpenedYetException("account", purchase.accountId()));
		this.accounts.linkPractice(purchase.accountId(), purchase.practiceId(), purchase.practiceName(),
				purchase.occurredAt());
		ZoneId zone = this.calendar.zoneOf(purchase.practiceId());
		LocalDate start = this.calendar.dateOf(purchase.occurredAt(), zone);
		PromotionBalance balance = new PromotionBalance(purchase.purchaseId(), purchase.accountId(),
				purchase.practiceId(), purchase.practiceName(), purchase.plan().code(),
				PlanKind.valueOf(purchase.plan().kind()), purchase.plan().months(), purchase.plan().apr(),
				purchase.plan().standardApr(), purchase.amount(), purchase.authorizationCode(), start,
				start.plusMonths(purchase.plan().months()), zone, PromotionBalance.OPEN, purchase.amount(),
				purchase.amount(), start.minusDays(1));
		if (this.balances.add(balance)) {
			this.ledger.append(new Ledger.NewEntry(purchase.accountId(), purchase.purchaseId(), EntryKind.PURCHASE,
					purchase.amount(), start, purchase.occurredAt(), purchase.eventId(), null, null,
					"Purchase on " + purchase.plan().code()));
		}
	}

	void refunded(RefundIssued refund) {
		this.accounts.lockForUpdate(refund.accountId())
			.orElseThrow(() -> new AccountNotOpenedYetException("account", refund.accountId()));
		PromotionBalance balance = this.balances.find(refund.purchaseId())
			.orElseThrow(() -> new AccountNotOpenedYetException("purchase", refund.purchaseId()));
		this.ledger.append(new Ledger.NewEntry(refund.accountId(), refund.purchaseId(), EntryKind.REFUND,
				refund.amount().negate(), postingDate(balance, refund.occurredAt()), refund.occurredAt(),
				refund.eventId(), null, null, "Refund " + refund.refundId()));
	}

	void voided(PurchaseVoided voided) {
		this.accounts.lockForUpdate(voided.accountId())
			.orElseThrow(() -> new AccountNotOpenedYetException("account", voided.accountId()));
		PromotionBalance balance = this.balances.find(voided.purchaseId())
			.orElseThrow(() -> new AccountNotOpenedYetException("purchase", voided.purchaseId()));
		this.ledger.append(new Ledger.NewEntry(voided.accountId(), voided.purchaseId(), EntryKind.VOID,
				voided.amount().negate(), postingDate(balance, voided.occurredAt()), voided.occurredAt(),
				voided.eventId(), null, null, "Purchase voided"));
		this.balances.status(voided.purchaseId(), PromotionBalance.VOIDED);
	}

	/**
	 * The business day an entry on a balance falls on: the day it happened, or the first
	 * day the business day has not closed yet for the balance.
	 */
	private LocalDate postingDate(PromotionBalance balance, Instant occurredAt) {
		LocalDate day = this.calendar.dateOf(occurredAt, balance.zone());
		LocalDate open = balance.processedThrough().plusDays(1);
		return day.isBefore(open) ? open : day;
	}

}
