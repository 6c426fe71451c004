package io.carefin.auth.team;

import java.util.Set;

import io.carefin.auth.user.Permission;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.UserStatus;

/**
 * A user as their practice admin sees them.
 *
 * @param userId what they sign in with
 * @param email where their notices go
 * @param role their role
 * @param permissions the functions they may use
 * @param status {@code INVITED}, {@code ACTIVE}, {@code SUSPENDED} or {@code DISABLED}
 */
record TeamMember(String userId, String email, Role role, Set<Permission> permissions, UserStatus status) {

	static TeamMember of(PracticeUser user) {
		return new TeamMember(user.userId(), user.email(), user.role(), user.permissions(), user.status());
	}

}
