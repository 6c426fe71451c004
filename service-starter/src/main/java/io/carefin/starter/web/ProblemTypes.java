package io.carefin.starter.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of CareFin's problem details, listed in docs/problems.md.
 */
public final class ProblemTypes {

	/**
	 * Where every CareFin problem type lives.
	 */
	public static final String BASE = "https://carefin.io/problems/";

	private ProblemTypes() {
	}

	/**
	 * The problem type for a type name, such as {@code refund-exceeds-purchase}.
	 */
	public static URI of(String name) {
		return URI.create(BASE + name);
	}

	/**
	 * The generic problem type of a status that no more specific type describes.
	 */
	public static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> of("invalid-request");
			case 401 -> of("unauthorized");
			case 403 -> of("forbidden");
			case 404 -> of("not-found");
			case 405 -> of("method-not-allowed");
			case 406 -> of("not-acceptable");
			case 409 -> of("conflict");
			case 413 -> of("payload-too-large");
			case 415 -> of("unsupported-media-type");
			case 422 -> of("unprocessable");
			case 429 -> of("too-many-requests");
			case 503 -> of("service-unavailable");
			default -> status.is5xxServerError() ? of("internal-error") : URI.create("about:blank");
		};
	}

}
