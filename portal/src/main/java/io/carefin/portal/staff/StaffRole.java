package io.carefin.portal.staff;

/**
 * The staff roles of the Keycloak realm, each with its part of the console.
 */
public enum StaffRole {

	/**
	 * Support agents: practice users, patient accounts (with a reason), pending
	 * applications.
	 */
	SUPPORT("Support"),

	/**
	 * Operations: practices, the security report, dead letters, deliveries, maintenance.
	 */
	OPS_ADMIN("Operations"),

	/**
	 * Auditors: the audit trails, read only.
	 */
	AUDITOR("Audit");

	private final String words;

	StaffRole(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

	/**
	 * The Spring Security authority of the role, such as {@code ROLE_SUPPORT}.
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
