package io.carefin.portal.workspace;

import io.carefin.portal.api.ApiProblemException;

/**
 * The API's refusals as the sentences a page shows.
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * The refusal's own sentence, its field errors joined, or the given sentence.
	 */
	public static String sentence(ApiProblemException ex, String otherwise) {
		String detail = ex.detail();
		if (!ex.errors().isEmpty() && (detail == null || detail.isBlank() || detail.startsWith("Invalid"))) {
			return otherwise;
		}
		return (detail != null && !detail.isBlank()) ? detail : otherwise;
	}

	/**
	 * Whether the refusal is one a form shows beside its fields (bad input or a broken
	 * rule), rather than one the page's frame handles (sign-in, rate limit, permission).
	 */
	public static boolean isAboutTheForm(ApiProblemException ex) {
		return ex.status() == 400 || ex.status() == 409 || ex.status() == 422;
	}

	/**
	 * Turns the API's 404 into the portal's "not found" page: another practice's object
	 * is not found, as an unknown one.
	 */
	public static RuntimeException notFoundOr(ApiProblemException ex, String what) {
		return (ex.status() == 404) ? new NotFoundException(what) : ex;
	}

}
