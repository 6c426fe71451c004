package io.carefin.portal.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A refusal from the API (a 4xx answer), with what its problem detail says.
 */
public class ApiProblemException extends RuntimeException {

	private final int status;

	private final String type;

	private final @Nullable String detail;

	private final List<String> errors;

	/**
	 * A refusal.
	 * @param status the HTTP status
	 * @param type the last segment of the problem's {@code type}, such as
	 * {@code password-rejected}, or {@code about:blank}
	 * @param detail the problem's sentence, if it has one
	 * @param errors the sentences of its {@code errors} list, if it has one
	 */
	public ApiProblemException(int status, String type, @Nullable String detail, List<String> errors) {
		super("The API answered " + status + " (" + type + ")");
		this.status = status;
		this.type = type;
		this.detail = detail;
		this.errors = List.copyOf(errors);
	}

	public int status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	/**
	 * Whether the problem has the given type, such as {@code link-invalid}.
	 */
	public boolean is(String type) {
		return this.type.equals(type);
	}

	public @Nullable String detail() {
		return this.detail;
	}

	/**
	 * The sentences of the problem's {@code errors} list, such as the password policy's
	 * reasons.
	 */
	public List<String> errors() {
		return this.errors;
	}

}
