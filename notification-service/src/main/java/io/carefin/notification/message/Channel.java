package io.carefin.notification.message;

/**
 * How a message reaches its recipient.
 */
public enum Channel {

	/**
	 * E-mail through SMTP, as HTML with a plain-text alternative.
	 */
	EMAIL,

	/**
	 * A short text message through the SMS provider.
	 */
	SMS

}
