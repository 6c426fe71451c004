package io.carefin.notification.message;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message an event asks for: its template, channel and recipient, and the values its
 * template shows. The values may hold a one-time code or a link with a token, so they are
 * never printed, stored or logged.
 *
 * @param template the template's name, such as {@code sign-in-code}
 * @param channel how it goes
 * @param destination the e-mail address or phone number (E.164)
 * @param recipientUserId the practice user it goes to, absent for patients
 * @param accessCapped whether it is a code or a recovery message, capped per recipient
 * @param values what the template shows
 */
public record Message(String template, Channel channel, String destination, @Nullable UUID recipientUserId,
		boolean accessCapped, Map<String, Object> values) {

	public Message {
		values = Map.copyOf(values);
	}

	/**
	 * The recipient as the delivery log shows it.
	 */
	public String maskedDestination() {
		return Recipients.mask(this.channel, this.destination);
	}

	@Override
	public String toString() {
		return "Message[template=" + this.template + ", channel=" + this.channel + ", to=" + maskedDestination() + "]";
	}

}
