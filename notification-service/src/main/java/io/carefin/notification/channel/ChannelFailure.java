package io.carefin.notification.channel;

/**
 * A channel could not take a message. Its text names the failure (a status code, an SMTP
 * condition), never the recipient's message.
 */
public class ChannelFailure extends RuntimeException {

	private final boolean retryable;

	ChannelFailure(String reason, boolean retryable) {
		super(reason, null, false, false);
		this.retryable = retryable;
	}

	/**
	 * The provider or server is down, slow or busy: the same message may go through
	 * later.
	 */
	public static ChannelFailure unavailable(String reason) {
		return new ChannelFailure(reason, true);
	}

	/**
	 * The provider refused this message for good (bad number, unknown mailbox).
	 */
	public static ChannelFailure rejected(String reason) {
		return new ChannelFailure(reason, false);
	}

	/**
	 * Whether trying the same message again may succeed.
	 */
	public boolean retryable() {
		return this.retryable;
	}

}
