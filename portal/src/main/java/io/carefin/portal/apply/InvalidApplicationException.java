package io.carefin.portal.apply;

import java.util.List;

/**
 * The API refused the patient's application as invalid (a 400), naming the fields to
 * change, such as {@code ssn} or {@code postalCode}.
 */
class InvalidApplicationException extends RuntimeException {

	private final List<String> fields;

	InvalidApplicationException(List<String> fields) {
		super("The API refused the application as invalid: " + fields);
		this.fields = List.copyOf(fields);
	}

	List<String> fields() {
		return this.fields;
	}

}
