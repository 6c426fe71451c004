package io.carefin.portal.purchase;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TransactionsApi;

/**
 * The patient's acknowledgement of a purchase's disclosure, as transaction-service keeps
 * it with the purchase: the portal no longer stores one of its own.
 */
@Component
class DisclosureAcknowledgements {

	private final TransactionsApi transactions;

	DisclosureAcknowledgements(TransactionsApi transactions) {
		this.transactions = transactions;
	}

	/**
	 * The acknowledgement the API keeps with the purchase, none for a purchase made
	 * before it kept them; the practice is the signed-in user's, whose token the API
	 * checks.
	 */
	@Nullable Acknowledgement of(UUID purchaseId, UUID practiceId) {
		try {
			return of(this.transactions.purchase(purchaseId));
		}
		catch (ApiProblemException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
	}

	static @Nullable Acknowledgement of(TransactionsApi.Purchase purchase) {
		return (purchase.disclosureVersion() != null) ? new Acknowledgement(purchase.disclosureVersion()) : null;
	}

	/**
	 * An acknowledged disclosure.
	 *
	 * @param version the disclosure's version
	 */
	record Acknowledgement(String version) {

	}

}
