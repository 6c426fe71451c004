package io.carefin.portal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a submitted form, in the order of its fields: each page shows them
 * in an error summary whose links lead to the fields, and beside each field.
 *
 * @param list the errors, in the order of the form's fields
 */
public record FormErrors(List<FieldError> list) {

	public FormErrors {
		list = List.copyOf(list);
	}

	/**
	 * No errors.
	 */
	public static FormErrors none() {
		return new FormErrors(List.of());
	}

	/**
	 * These errors and another.
	 */
	public FormErrors and(String field, String message) {
		List<FieldError> errors = new ArrayList<>(this.list);
		errors.add(new FieldError(field, message));
		return new FormErrors(errors);
	}

	/**
	 * Whether there is any error.
	 */
	public boolean any() {
		return !this.list.isEmpty();
	}

	/**
	 * Whether the given field has an error.
	 */
	public boolean has(String field) {
		return this.list.stream().anyMatch((error) -> error.field().equals(field));
	}

	/**
	 * The given field's errors.
	 */
	public List<String> of(String field) {
		return this.list.stream().filter((error) -> error.field().equals(field)).map(FieldError::message).toList();
	}

	/**
	 * One field's error.
	 *
	 * @param field the field's name and id
	 * @param message what to do about it, as a sentence
	 */
	public record FieldError(String field, String message) {

	}

}
