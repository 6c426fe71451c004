package io.carefin.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.notification.DeliveryFailed;
import io.carefin.notification.channel.BreakerProperties;
import io.carefin.notification.channel.Breakers;
import io.carefin.notification.channel.ChannelFailure;
import io.carefin.notification.channel.EmailSender;
import io.carefin.notification.channel.SmsSender;
import io.carefin.notification.message.Message;
import io.carefin.notification.message.Rendered;
import io.carefin.notification.message.Templates;
import io.carefin.starter.messaging.Inbox;

/**
 * Sends the messages an event asks for, each exactly once: a delivery is claimed and its
 * attempt recorded before the provider is called, marked sent after it accepts, and the
 * event is recorded in the inbox once every message is sent or dropped by a cap. A failed
 * attempt fails the record, which the listener container retries after a back-off and
 * parks after the configured attempts.
 */
@Service
public class DeliveryService {

	private final Deliveries deliveries;

	private final Templates templates;

	private final EmailSender email;

	private final SmsSender sms;

	private final Breakers breakers;

	private final BreakerProperties breakerProperties;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	DeliveryService(Deliveries deliveries, Templates templates, EmailSender email, SmsSender sms, Breakers breakers,
			BreakerProperties breakerProperties, Inbox inbox, TransactionTemplate transactions,
			ApplicationEventPublisher events, DeliveryMetrics metrics, Clock clock) {
		this.deliveries = deliveries;
		this.templates = templates;
		this.email = email;
		this.sms = sms;
		this.breakers = breakers;
		this.breakerProperties = breakerProperties;
		this.inbox = inbox;
		this.transactions = transactions;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Sends each message the event asks for that has not been sent yet, then records the
	 * event as applied.
	 * @throws DeliveryAttemptFailed when a message could not be sent this time
	 */
	public void deliver(DomainEvent event, List<Message> messages) {
		boolean applied = false;
		for (int i = 0; i < messages.size(); i++) {
			applied = deliver(event, messages.get(i), i == messages.size() - 1);
		}
		if (!applied) {
			this.transactions.executeWithoutResult((status) -> applied(event));
		}
	}

	/**
	 * Delivers one message; when it is the event's last and it is sent now, the event is
	 * recorded as applied in the same transaction.
	 * @return whether the event was recorded as applied
	 */
	private boolean deliver(DomainEvent event, Message message, boolean last) {
		Rendered rendered = this.templates.render(message);
		CircuitBreaker breaker = this.breakers.of(message.channel());
		awaitPermission(breaker);
		Claim claim;
		try {
			claim = this.transactions.execute((status) -> this.deliveries.claim(event, message));
		}
		catch (RuntimeException ex) {
			breaker.releasePermission();
			throw ex;
		}
		String channel = message.channel().name();
		switch (claim) {
			case Claim.Done done -> {
				breaker.releasePermission();
				this.metrics.count("deduplicated", channel, message.template());
				return false;
			}
			case Claim.Capped capped -> {
				breaker.releasePermission();
				this.metrics.count("capped", channel, message.template());
				return false;
			}
			case Claim.InFlight inFlight -> {
				breaker.releasePermission();
				// Not this consumer's attempt: retried later, when the twin has finished.
				throw ChannelFailure
					.unavailable("delivery " + inFlight.deliveryId() + " is being sent by another consumer");
			}
			case Claim.Send send -> {
				send(event, message, rendered, breaker, send, last);
				return last;
			}
		}
	}

	private void applied(DomainEvent event) {
		this.inbox.receive(event, () -> {
		});
	}

	private void send(DomainEvent event, Message message, Rendered rendered, CircuitBreaker breaker, Claim.Send send,
			boolean last) {
		String channel = message.channel().name();
		if (send.attempt() > 1) {
			this.metrics.count("retried", channel, message.template());
		}
		long start = System.nanoTime();
		String providerId;
		try {
			providerId = switch (message.channel()) {
				case EMAIL -> this.email.send(send.deliveryId(), message.destination(), rendered);
				case SMS -> this.sms.send(send.deliveryId(), message.destination(), rendered.text());
			};
		}
		catch (ChannelFailure failure) {
			long elapsed = System.nanoTime() - start;
			if (failure.retryable()) {
				breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
			}
			else {
				breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
			}
			this.transactions.executeWithoutResult(
					(status) -> this.deliveries.attemptFailed(send.deliveryId(), failure.getMessage()));
			throw failure.retryable()
					? new DeliveryAttemptFailed(send.deliveryId(), event.eventId(), message.channel(),
							message.template(), send.attempt(), failure.getMessage(), true)
					: new DeliveryAttemptFailed.Final(send.deliveryId(), event.eventId(), message.channel(),
							message.template(), send.attempt(), failure.getMessage());
		}
		breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		Instant acceptedAt = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			this.deliveries.sent(send.deliveryId(), providerId, acceptedAt);
			if (last) {
				applied(event);
			}
		});
		this.metrics.accepted(channel, message.template(), Duration.between(event.occurredAt(), acceptedAt));
	}

	/**
	 * Marks a delivery failed after its last attempt and says so on
	 * {@code notification.deliveries}.
	 */
	public void parked(DeliveryAttemptFailed failure) {
		this.transactions.executeWithoutResult((status) -> this.deliveries.failed(failure.deliveryId())
			.filter((entry) -> DeliveryStatus.FAILED.name().equals(entry.status()))
			.ifPresent((entry) -> this.events.publishEvent(new DeliveryFailed(UUID.randomUUID(), this.clock.instant(),
					entry.id(), entry.sourceEventId(), entry.channel(), entry.template(), entry.attempts()))));
		this.metrics.count("failed", failure.channel().name(), failure.template());
	}

	/**
	 * Waits, up to a bound, for the channel's breaker to let a call through, so that an
	 * open breaker pauses deliveries instead of using up their attempts.
	 */
	private void awaitPermission(CircuitBreaker breaker) {
		long deadline = System.nanoTime() + this.breakerProperties.maxWaitForPermission().toNanos();
		while (!breaker.tryAcquirePermission()) {
			if (System.nanoTime() > deadline) {
				throw ChannelFailure.unavailable("circuit breaker " + breaker.getName() + " is open");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw ChannelFailure.unavailable("interrupted while the circuit breaker was open");
			}
		}
	}

}
