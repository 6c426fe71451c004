package io.carefin.transaction;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import io.carefin.testsupport.PermissionMatrixContract;

/**
 * transaction-service's routes answer every kind of caller as docs/permissions.md
 * documents, with tokens valid on the service's movable clock.
 */
@TransactionServiceTest
class PermissionMatrixIntegrationTests implements PermissionMatrixContract {

	@Autowired
	TransactionFixtures fixtures;

	@Override
	public String service() {
		return "transaction-service";
	}

	@Override
	public String practiceUser(UUID practice, String role, String... permissions) {
		return this.fixtures.practiceUser(practice, role, permissions);
	}

	@Override
	public String staff(String role) {
		return this.fixtures.staff(role);
	}

}
