package io.carefin.notification.message;

import org.jspecify.annotations.Nullable;

/**
 * A message as its recipient reads it. It may hold a code or a token: never logged or
 * stored.
 *
 * @param subject the e-mail's subject, absent for a text message
 * @param text the plain text (the whole text message for SMS)
 * @param html the e-mail's HTML, absent for a text message
 */
public record Rendered(@Nullable String subject, String text, @Nullable String html) {

	@Override
	public String toString() {
		return "Rendered[…]";
	}

}
