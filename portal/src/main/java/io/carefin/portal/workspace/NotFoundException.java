package io.carefin.portal.workspace;

/**
 * What a page shows is not there, or belongs to another practice: the same "not found"
 * page either way.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
