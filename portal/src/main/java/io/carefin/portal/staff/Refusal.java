package io.carefin.portal.staff;

import io.carefin.portal.api.ApiProblemException;

/**
 * The API's refusal as a sentence a staff member can act on.
 */
final class Refusal {

	private Refusal() {
	}

	static String sentence(ApiProblemException ex) {
		if (!ex.errors().isEmpty()) {
			return String.join(" ", ex.errors());
		}
		if (ex.detail() != null && !ex.detail().isBlank()) {
			return ex.detail();
		}
		return "The API refused this (" + ex.type() + ").";
	}

}
