package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.transaction.PurchaseSettled;
import io.carefin.transaction.BusinessDays;
import io.carefin.transaction.promotion.Plan;

/**
 * Settles each practice's approved purchases once its business day has ended: the
 * purchase can no longer be voided, and the practice is funded for what is left of it
 * less the plan's merchant fee, less the payments it collected for the lender that day
 * ({@link CollectedPayments}). Runs on the service's clock, every minute by default.
 */
@Component
class Settlement {

	private static final Logger logger = LoggerFactory.getLogger(Settlement.class);

	private final Purchases purchases;

	private final CollectedPayments collected;

	private final BusinessDays businessDays;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Settlement(Purchases purchases, CollectedPayments collected, BusinessDays businessDays,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.purchases = purchases;
		this.collected = collected;
		this.businessDays = businessDays;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Settles every business day that has ended, practice by practice.
	 * @return how many purchases settled
	 */
	@Scheduled(fixedDelayString = "${carefin.settlement.check-every:PT1M}")
	int settleEndedDays() {
		int settled = 0;
		for (UUID practice : practicesToSettle()) {
			settled += settle(practice, this.businessDays.today(practice).minusDays(1));
		}
		return settled;
	}

	/**
	 * Settles every practice's purchases of business days up to and including one, as ops
	 * may do before the day has ended.
	 * @return how many purchases settled
	 */
	int settleThrough(LocalDate day) {
		int settled = 0;
		for (UUID practice : practicesToSettle()) {
			settled += settle(practice, day);
		}
		return settled;
	}

	private Set<UUID> practicesToSettle() {
		Set<UUID> practices = new LinkedHashSet<>(this.purchases.practicesToSettle());
		practices.addAll(this.collected.practicesToSettle());
		return practices;
	}

	/**
	 * Settles one practice's purchases of business days up to and including one.
	 * @return how many purchases settled
	 */
	int settle(UUID practiceId, LocalDate through) {
		Integer settled = this.transactions.execute((status) -> {
			List<Purchase> due = this.purchases.lockToSettle(practiceId, through);
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			for (Purchase purchase : due) {
				BigDecimal fee = Plan.merchantFee(purchase.remaining(), purchase.merchantFeeRate());
				BigDecimal net = purchase.remaining().subtract(fee);
				this.purchases.settled(purchase.id(), purchase.businessDate(), fee, net);
				this.events.publishEvent(new PurchaseSettled(UUID.randomUUID(), now, purchase.id(), practiceId,
						purchase.accountId(), purchase.plan().code(), purchase.businessDate(), purchase.amount(),
						purchase.refunded(), fee, net));
			}
			BigDecimal deducted = this.collected.settle(practiceId, through);
			if (deducted.signum() > 0) {
				logger.info("Deducted {} of payments collected by practice {} through {}", deducted, practiceId,
						through);
			}
			return due.size();
		});
		int count = (settled != null) ? settled : 0;
		if (count > 0) {
			logger.info("Settled {} purchases of practice {} through {}", count, practiceId, through);
		}
		return count;
	}

}
