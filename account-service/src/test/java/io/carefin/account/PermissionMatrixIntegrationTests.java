package io.carefin.account;

import io.carefin.testsupport.PermissionMatrixContract;
import io.carefin.testsupport.ServiceIntegrationTest;

/**
 * account-service's routes answer every kind of caller as docs/permissions.md documents.
 */
@ServiceIntegrationTest
class PermissionMatrixIntegrationTests implements PermissionMatrixContract {

	@Override
	public String service() {
		return "account-service";
	}

}
