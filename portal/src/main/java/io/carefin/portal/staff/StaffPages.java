package io.carefin.portal.staff;

/**
 * Which console pages each staff role may open: the security configuration refuses the
 * others with a 403 page, and the console's navigation shows only these.
 */
public final class StaffPages {

	/**
	 * Support's pages: practice users, patient accounts, pending applications.
	 */
	public static final String[] SUPPORT = { "/staff/users", "/staff/users/**", "/staff/accounts", "/staff/accounts/**",
			"/staff/applications", "/staff/applications/**" };

	/**
	 * Operations' pages: practices, the security report, dead letters, deliveries,
	 * maintenance.
	 */
	public static final String[] OPS_ADMIN = { "/staff/practices", "/staff/practices/**", "/staff/security",
			"/staff/dead-letters", "/staff/dead-letters/**", "/staff/deliveries", "/staff/maintenance",
			"/staff/maintenance/**" };

	/**
	 * The auditors' pages: the audit trails and their exports.
	 */
	public static final String[] AUDITOR = { "/staff/audit", "/staff/audit/**" };

	private StaffPages() {
	}

}
