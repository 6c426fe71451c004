package io.carefin.notification.channel;

import java.util.UUID;

/**
 * Sends a text message through an SMS provider.
 */
public interface SmsSender {

	/**
	 * Hands one text message to the provider.
	 * @param deliveryId the delivery, which the provider uses as its idempotency key so
	 * that a repeated request never sends twice
	 * @param to the phone number in E.164
	 * @param body the text
	 * @return the provider's id of the message
	 * @throws ChannelFailure when the provider did not take it
	 */
	String send(UUID deliveryId, String to, String body);

}
