package io.carefin.reporting.purchases;

import java.time.LocalDate;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseDeclined;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.contracts.transaction.PurchaseSettled;
import io.carefin.contracts.transaction.PurchaseVoided;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.reporting.businessday.BusinessDays;
import io.carefin.reporting.purchases.FundingModel.FundingDelta;
import io.carefin.reporting.purchases.SalesModel.SalesDelta;
import io.carefin.starter.messaging.Inbox;

import static java.math.BigDecimal.ZERO;

/**
 * Applies each purchase event once: sales on the business day they happened, funding on
 * the settlement day (and, for refunds after settlement, on the refund's day).
 */
@Component
class PurchaseEventsListener {

	static final String ID = "reporting-purchases";

	private final Inbox inbox;

	private final SalesModel sales;

	private final FundingModel funding;

	private final BusinessDays businessDays;

	PurchaseEventsListener(Inbox inbox, SalesModel sales, FundingModel funding, BusinessDays businessDays) {
		this.inbox = inbox;
		this.sales = sales;
		this.funding = funding;
		this.businessDays = businessDays;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = PurchaseEvent.TOPIC)
	@Transactional
	void on(PurchaseEvent event) {
		this.inbox.receive(event, () -> apply(event));
	}

	private void apply(PurchaseEvent event) {
		LocalDate day = this.businessDays.of(event.practiceId(), event.occurredAt());
		switch (event) {
			case PurchaseApproved purchase -> this.sales.add(new SalesDelta(purchase.practiceId(), day,
					purchase.plan().code(), 1, purchase.amount(), 0, ZERO, 0, ZERO));
			case RefundIssued refund -> {
				this.sales.add(new SalesDelta(refund.practiceId(), day, refund.promotionCode(), 0, ZERO, 1,
						refund.amount(), 0, ZERO));
				if (refund.settled()) {
					this.funding.add(new FundingDelta(refund.practiceId(), day, refund.promotionCode(), 0, ZERO, ZERO,
							refund.amount(), 0, ZERO, ZERO));
				}
			}
			case PurchaseVoided voided -> {
				this.sales.add(new SalesDelta(voided.practiceId(), day, voided.promotionCode(), 0, ZERO, 0, ZERO, 1,
						voided.amount()));
				this.funding.add(new FundingDelta(voided.practiceId(), day, voided.promotionCode(), 0, ZERO, ZERO, ZERO,
						1, voided.amount(), ZERO));
			}
			case PurchaseSettled settled -> this.funding
				.add(new FundingDelta(settled.practiceId(), settled.settlementDate(), settled.promotionCode(), 1,
						settled.amount(), settled.refunded(), ZERO, 0, ZERO, settled.merchantFee()));
			case PurchaseDeclined declined -> {
			}
		}
	}

}
