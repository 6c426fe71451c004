package io.carefin.notification.delivery;

/**
 * Where a delivery stands.
 */
public enum DeliveryStatus {

	/**
	 * Being handed to the provider.
	 */
	SENDING,

	/**
	 * The last attempt failed; another follows after a back-off.
	 */
	RETRYING,

	/**
	 * The provider or SMTP server accepted it.
	 */
	SENT,

	/**
	 * Dropped because the recipient had reached the cap of access messages.
	 */
	CAPPED,

	/**
	 * Every attempt failed, or the provider refused it for good; its event is on the
	 * dead-letter topic.
	 */
	FAILED

}
