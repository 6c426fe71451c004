package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.account.account.Accounts;
import io.carefin.contracts.account.PromotionEndingSoon;
import io.carefin.financing.Cents;
import io.carefin.financing.DeferredInterest;
import io.carefin.financing.PlanKind;

/**
 * The daily job that takes each promotional balance through the business days it has not
 * been through yet, in order: deferred interest accrues in the shadow each day of a
 * running promotion at the standard APR; on the end date it is charged in one entry if
 * any of the promotional balance is left, and waived if it was paid in full;
 * fixed-payment plans (and balances past their promotion) are charged a month's interest
 * on each monthly anniversary; 60, 30 and 7 days before a deferred promotion ends with a
 * balance left, the patient is told once each. Each balance remembers the last day it
 * went through, so running a day twice changes nothing.
 */
@Component
public class BusinessDay {

	private static final Logger logger = LoggerFactory.getLogger(BusinessDay.class);

	private static final Set<Long> NOTICE_DAYS = Set.of(60L, 30L, 7L);

	private static final BigDecimal MONTHS_PER_YEAR_IN_PERCENT = new BigDecimal("1200");

	private final PromotionBalances balances;

	private final Accounts accounts;

	private final Ledger ledger;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final BusinessCalendar calendar;

	private final LedgerCheck check;

	BusinessDay(PromotionBalances balances, Accounts accounts, Ledger ledger, JdbcClient jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, BusinessCalendar calendar,
			LedgerCheck check) {
		this.balances = balances;
		this.accounts = accounts;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.calendar = calendar;
		this.check = check;
	}

	/**
	 * Runs the business days up to and including a day for every balance.
	 * @return how many balances went through at least one day
	 */
	public int runThrough(LocalDate day) {
		return run((zone) -> day);
	}

	/**
	 * Closes yesterday, in each practice's zone, by the service's clock.
	 */
	@Scheduled(cron = "${carefin.business-day.cron:0 5 * * * *}")
	void closeYesterday() {
		int moved = run((zone) -> this.calendar.today(zone).minusDays(1));
		LedgerCheck.Result check = this.check.check(null);
		logger.info("Business day: {} promotional balances moved to yesterday; {} accounts checked", moved,
				check.accountsChecked());
		check.mismatches()
			.forEach((mismatch) -> logger.error("Ledger check: {} {} shows {} but its entries sum to {}",
					mismatch.what(), mismatch.id(), mismatch.shown(), mismatch.entries()));
	}

	private int run(Function<ZoneId, LocalDate> through) {
		// the zone furthest ahead has the latest day: every balance behind it is a
		// candidate
		LocalDate latest = through.apply(ZoneId.of("Pacific/Kiritimati"));
		int moved = 0;
		for (UUID purchaseId : this.balances.behind(latest)) {
			Boolean done = this.transactions.execute((status) -> process(purchaseId, through));
			if (Boolean.TRUE.equals(done)) {
				moved++;
			}
		}
		return moved;
	}

	private boolean process(UUID purchaseId, Function<ZoneId, LocalDate> through) {
		PromotionBalance unlocked = this.balances.find(purchaseId).orElseThrow();
		String last4 = this.accounts.lockForUpdate(unlocked.accountId()).orElseThrow();
		PromotionBalance balance = this.balances.find(purchaseId).orElseThrow();
		LocalDate target = through.apply(balance.zone());
		if (!balance.processedThrough().isBefore(target) || !(PromotionBalance.OPEN.equals(balance.status())
				|| PromotionBalance.EXPIRED.equals(balance.status()))) {
			return false;
		}
		NavigableMap<LocalDate, BigDecimal> byDay = entriesByDay(purchaseId);
		String status = balance.status();
		BigDecimal shadow = balance.shadowInterest();
		for (LocalDate day = balance.processedThrough().plusDays(1); !day.isAfter(target); day = day.plusDays(1)) {
			if (balance.kind() == PlanKind.DEFERRED_INTEREST && PromotionBalance.OPEN.equals(status)) {
				BigDecimal left = sumThrough(byDay, day);
				if (day.isBefore(balance.endDate())) {
					shadow = shadow.add(DeferredInterest.dailyInterest(left.max(Cents.ZERO), balance.standardApr()));
					long daysLeft = ChronoUnit.DAYS.between(day, balance.endDate());
					if (NOTICE_DAYS.contains(daysLeft) && left.signum() > 0) {
						notice(balance, last4, day, (int) daysLeft, left, shadow);
					}
				}
				else if (left.signum() > 0) {
					charge(balance, EntryKind.DEFERRED_INTEREST, shadow, day, "deferred-interest:" + purchaseId,
							"Deferred interest: the promotion ended with " + left + " left", byDay);
					status = PromotionBalance.EXPIRED;
				}
				else {
					status = PromotionBalance.PAID_IN_FULL;
				}
			}
			else {
				LocalDate anchor = (balance.kind() == PlanKind.DEFERRED_INTEREST) ? balance.endDate()
						: balance.startDate();
				BigDecimal apr = (balance.kind() == PlanKind.DEFERRED_INTEREST) ? balance.standardApr() : balance.apr();
				long month = PromotionBalance.monthsSince(anchor, day);
				if (month >= 1 && anchor.plusMonths(month).equals(day)) {
					BigDecimal owed = sumThrough(byDay, day.minusDays(1));
					BigDecimal interest = Cents.halfUp(owed.max(Cents.ZERO)
						.multiply(apr)
						.divide(MONTHS_PER_YEAR_IN_PERCENT, MathContext.DECIMAL128));
					if (interest.signum() > 0) {
						charge(balance, EntryKind.INTEREST, interest, day, "interest:" + purchaseId + ":" + month,
								"Interest at " + apr + " % APR, month " + month, byDay);
					}
				}
				if (sumThrough(byDay, day).signum() <= 0 && !day.isBefore(balance.startDate())) {
					status = PromotionBalance.PAID_IN_FULL;
				}
			}
			if (!(PromotionBalance.OPEN.equals(status) || PromotionBalance.EXPIRED.equals(status))) {
				this.balances.processed(purchaseId, status, shadow, day);
				return true;
			}
		}
		this.balances.processed(purchaseId, status, shadow, target);
		return true;
	}

	private void charge(PromotionBalance balance, EntryKind kind, BigDecimal amount, LocalDate day, String key,
			String detail, NavigableMap<LocalDate, BigDecimal> byDay) {
		if (amount.signum() > 0 && this.ledger.append(new Ledger.NewEntry(balance.accountId(), balance.purchaseId(),
				kind, amount, day, day.atStartOfDay(balance.zone()).plusDays(1).minusNanos(1000).toInstant(), null,
				null, key, detail))) {
			byDay.merge(day, amount, BigDecimal::add);
		}
	}

	private void notice(PromotionBalance balance, String last4, LocalDate day, int daysLeft, BigDecimal left,
			BigDecimal accrued) {
		int recorded = this.jdbc.sql(
				"INSERT INTO promotion_notice (purchase_id, days_left) VALUES (:purchase, :days) ON CONFLICT DO NOTHING")
			.param("purchase", balance.purchaseId())
			.param("days", daysLeft)
			.update();
		if (recorded == 1) {
			this.events
				.publishEvent(new PromotionEndingSoon(UUID.randomUUID(), this.calendar.now(), balance.accountId(),
						last4, balance.purchaseId(), balance.planCode(), balance.endDate(), daysLeft, left, accrued));
		}
	}

	private NavigableMap<LocalDate, BigDecimal> entriesByDay(UUID purchaseId) {
		NavigableMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
		this.jdbc.sql("""
				SELECT business_date, sum(amount) AS amount FROM ledger_entry WHERE purchase_id = :purchase
				GROUP BY business_date
				""")
			.param("purchase", purchaseId)
			.query((row, n) -> Map.entry(row.getObject("business_date", LocalDate.class), row.getBigDecimal("amount")))
			.list()
			.forEach((entry) -> byDay.put(entry.getKey(), entry.getValue()));
		return byDay;
	}

	private static BigDecimal sumThrough(NavigableMap<LocalDate, BigDecimal> byDay, LocalDate day) {
		return byDay.headMap(day, true).values().stream().reduce(Cents.ZERO, BigDecimal::add);
	}

}
