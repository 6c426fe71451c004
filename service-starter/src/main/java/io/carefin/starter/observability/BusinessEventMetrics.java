package io.carefin.starter.observability;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.auth.SignInFailed;

/**
 * Counts the business events a service commits, by type, on
 * {@code carefin.events.published} (sign-ins by outcome, lockouts, suspensions, codes
 * sent, applications by decision, purchases, refunds, voids, payments, settlements), and
 * sums their amounts on {@code carefin.events.amount} where the event has one.
 * <p>
 * An event counts once its transaction commits, so a rolled-back purchase is not a
 * purchase. The tags name only the event type and, for the two events that have one, a
 * step or channel: never a user, practice or account.
 */
class BusinessEventMetrics {

	static final String PUBLISHED = "carefin.events.published";

	static final String AMOUNT = "carefin.events.amount";

	private static final ClassValue<Optional<RecordComponent>> AMOUNTS = new ClassValue<>() {
		@Override
		protected Optional<RecordComponent> computeValue(Class<?> type) {
			return Optional.ofNullable(type.getRecordComponents())
				.flatMap((components) -> Arrays.stream(components)
					.filter((component) -> component.getName().equals("amount")
							&& component.getType() == BigDecimal.class)
					.findFirst());
		}
	};

	private final MeterRegistry meters;

	BusinessEventMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(DomainEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					record(event);
				}
			});
		}
		else {
			record(event);
		}
	}

	void record(DomainEvent event) {
		String type = event.getClass().getSimpleName();
		Tags tags = Tags.of("event", type).and(detail(event));
		this.meters.counter(PUBLISHED, tags).increment();
		amount(event).ifPresent((amount) -> DistributionSummary.builder(AMOUNT)
			.baseUnit("dollars")
			.tags(tags)
			.register(this.meters)
			.record(amount.doubleValue()));
	}

	private static Tags detail(DomainEvent event) {
		return switch (event) {
			case SignInFailed failed -> Tags.of("step", failed.step());
			case CodeRequested code -> Tags.of("channel", code.channel());
			default -> Tags.empty();
		};
	}

	private static Optional<BigDecimal> amount(DomainEvent event) {
		return AMOUNTS.get(event.getClass()).map((component) -> {
			try {
				return (BigDecimal) component.getAccessor().invoke(event);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot read the amount of " + event.getClass().getSimpleName(), ex);
			}
		});
	}

}
