package io.carefin.portal.workspace;

import io.carefin.portal.session.SignedInUser;

/**
 * The per-function permissions a practice administrator grants, with the words the pages
 * use for them.
 */
public enum Permission {

	/**
	 * Submit credit applications.
	 */
	PROCESS_APPLICATIONS("Process applications"),

	/**
	 * Charge purchases.
	 */
	PROCESS_PURCHASES("Process purchases"),

	/**
	 * Refund purchases.
	 */
	PROCESS_REFUNDS("Process refunds"),

	/**
	 * Post a payment the patient made at the practice.
	 */
	POST_PAYMENTS("Post payments"),

	/**
	 * Read the practice's reports.
	 */
	VIEW_REPORTS("View reports"),

	/**
	 * Invite and manage the practice's users.
	 */
	MANAGE_USERS("Manage the practice's users"),

	/**
	 * Choose the practice's plans.
	 */
	MANAGE_PROMOTIONS("Manage the practice's promotions");

	private final String words;

	Permission(String words) {
		this.words = words;
	}

	/**
	 * The permission as the pages name it, such as "Process refunds".
	 */
	public String words() {
		return this.words;
	}

	/**
	 * Whether the user has this permission.
	 */
	public boolean heldBy(SignedInUser user) {
		return user.permissions().contains(name());
	}

	/**
	 * Refuses a user without this permission, with a 403 page that names it.
	 */
	public void require(SignedInUser user) {
		if (!heldBy(user)) {
			throw new MissingPermissionException(this);
		}
	}

}
