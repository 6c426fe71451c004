package io.carefin.notification;

import io.carefin.testsupport.PermissionMatrixContract;
import io.carefin.testsupport.ServiceIntegrationTest;

/**
 * Every route of notification-service against every kind of caller, as
 * docs/permissions.md documents it.
 */
@ServiceIntegrationTest
class PermissionMatrixIntegrationTests implements PermissionMatrixContract {

	@Override
	public String service() {
		return "notification-service";
	}

}
