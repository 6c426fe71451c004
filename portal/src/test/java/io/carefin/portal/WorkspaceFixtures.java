package io.carefin.portal;

/**
 * The API's answers the workspace's pages read, as JSON: a patient's account, the
 * practice's plans, quotes and purchases.
 */
public final class WorkspaceFixtures {

	public static final String ACCOUNT_ID = "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

	public static final String PURCHASE_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

	public static final String OTHER_PRACTICE_ID = "9f9f9f9f-1111-4222-8333-444455556666";

	private WorkspaceFixtures() {
	}

	/**
	 * Rosa Diaz's account, with the given balance and available credit on a $5,000 line.
	 */
	public static String account(String balance, String available) {
		return """
				{"accountId": "%s", "last4": "4242", "status": "ACTIVE",
				 "patient": {"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": "1984-03-09", "birthYear": 1984,
				             "email": "rosa@example.com", "mobile": null},
				 "creditLimit": 5000.00, "balance": %s, "availableCredit": %s, "businessDate": "2026-12-07",
				 "promotions": []}
				""".formatted(ACCOUNT_ID, balance, available);
	}

	public static String plans() {
		return """
				[{"code": "DEFERRED_12", "version": 3, "name": "No interest if paid in full in 12 months",
				  "kind": "DEFERRED_INTEREST", "months": 12, "apr": 0.00, "standardApr": 32.99, "minimumAmount": 200.00,
				  "merchantFeeRate": 6.50, "effectiveFrom": "2026-01-01", "effectiveTo": null, "enabled": true},
				 {"code": "FIXED_24", "version": 1, "name": "14.90% APR with 24 fixed payments", "kind": "REDUCED_APR",
				  "months": 24, "apr": 14.90, "standardApr": 32.99, "minimumAmount": 1000.00, "merchantFeeRate": 4.00,
				  "effectiveFrom": "2026-01-01", "effectiveTo": null, "enabled": true}]
				""";
	}

	/**
	 * The API's quotes for $5,000: both plans.
	 */
	public static String quotesFor5000() {
		return """
				{"quotes": [
				  {"promotionCode": "DEFERRED_12", "promotionKind": "DEFERRED_INTEREST", "amount": 5000.00,
				   "monthlyPayment": 416.67, "numberOfPayments": 12, "lastPayment": 416.63, "totalInterest": 0.00,
				   "totalCost": 5000.00, "minimumPayment": 416.67, "apr": 0.00, "promotionEndDate": "2027-12-07",
				   "minimumMet": true},
				  {"promotionCode": "FIXED_24", "promotionKind": "REDUCED_APR", "amount": 5000.00,
				   "monthlyPayment": 242.20, "numberOfPayments": 24, "lastPayment": 242.08, "totalInterest": 812.68,
				   "totalCost": 5812.68, "minimumPayment": 242.20, "apr": 14.90, "promotionEndDate": "2028-12-07",
				   "minimumMet": true}]}
				""";
	}

	/**
	 * A purchase of the given amount on FIXED_24, approved with the code {@code A1B2C3}.
	 */
	public static String purchase(String status, String amount, String refunded, String remaining) {
		return purchase(status, amount, refunded, remaining, null);
	}

	/**
	 * A purchase of the given amount on FIXED_24, approved with the code {@code A1B2C3},
	 * with the version of the disclosure the patient accepted, if any.
	 */
	public static String purchase(String status, String amount, String refunded, String remaining,
			String disclosureVersion) {
		return """
				{"purchaseId": "%s", "status": "%s", "authorizationCode": "A1B2C3", "declineReason": null,
				 "accountId": "%s", "accountLast4": "4242", "amount": %s, "refunded": %s, "remaining": %s,
				 "promotionCode": "FIXED_24",
				 "plan": {"code": "FIXED_24", "kind": "REDUCED_APR", "months": 24, "apr": 14.90, "standardApr": 32.99},
				 "createdAt": "2026-12-07T15:04:05Z", "businessDate": "2026-12-07", "settlementDate": null,
				 "merchantFee": null, "netFunding": null, "disclosureVersion": %s}
				""".formatted(PURCHASE_ID, status, ACCOUNT_ID, amount, refunded, remaining,
				(disclosureVersion != null) ? "\"" + disclosureVersion + "\"" : "null");
	}

}
