package io.carefin.portal.workspace;

/**
 * The signed-in user lacks the permission a page or an action needs; the page says which.
 */
public class MissingPermissionException extends RuntimeException {

	private final Permission permission;

	public MissingPermissionException(Permission permission) {
		super("Missing the permission " + permission.name());
		this.permission = permission;
	}

	public Permission permission() {
		return this.permission;
	}

}
