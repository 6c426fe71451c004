package io.carefin.reporting;

import io.carefin.testsupport.PermissionMatrixContract;
import io.carefin.testsupport.ServiceIntegrationTest;

/**
 * Every route of reporting-service against every kind of caller, as docs/permissions.md
 * documents it.
 */
@ServiceIntegrationTest
class PermissionMatrixIntegrationTests implements PermissionMatrixContract {

	@Override
	public String service() {
		return "reporting-service";
	}

}
