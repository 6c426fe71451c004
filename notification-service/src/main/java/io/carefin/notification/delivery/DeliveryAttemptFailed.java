package io.carefin.notification.delivery;

import java.util.UUID;

import io.carefin.notification.message.Channel;

/**
 * An attempt to deliver a message failed; the record that asked for it is retried after a
 * back-off, or parked when {@link #retryable()} is false or the attempts run out. Its
 * text names the failure, never the message.
 */
public class DeliveryAttemptFailed extends RuntimeException {

	private final UUID deliveryId;

	private final UUID sourceEventId;

	private final Channel channel;

	private final String template;

	private final int attempt;

	private final boolean retryable;

	DeliveryAttemptFailed(UUID deliveryId, UUID sourceEventId, Channel channel, String template, int attempt,
			String reason, boolean retryable) {
		super("Delivery " + deliveryId + " (" + template + ", " + channel + ") attempt " + attempt + " failed: "
				+ reason, null, false, false);
		this.deliveryId = deliveryId;
		this.sourceEventId = sourceEventId;
		this.channel = channel;
		this.template = template;
		this.attempt = attempt;
		this.retryable = retryable;
	}

	public UUID deliveryId() {
		return this.deliveryId;
	}

	public UUID sourceEventId() {
		return this.sourceEventId;
	}

	public Channel channel() {
		return this.channel;
	}

	public String template() {
		return this.template;
	}

	public int attempt() {
		return this.attempt;
	}

	/**
	 * Whether another attempt may succeed.
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * A failure that no retry can fix: the provider refused the message for good.
	 */
	public static final class Final extends DeliveryAttemptFailed {

		Final(UUID deliveryId, UUID sourceEventId, Channel channel, String template, int attempt, String reason) {
			super(deliveryId, sourceEventId, channel, template, attempt, reason, false);
		}

	}

}
