package io.carefin.auth.support;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.UserStatus;

/**
 * A practice user's account as support sees it.
 *
 * @param userId what the user signs in with
 * @param email where the user's notices go
 * @param role the user's role in their practice
 * @param practiceId the user's practice
 * @param practiceName the practice's name
 * @param practiceCode the practice's code, if it has one
 * @param status {@code ACTIVE}, {@code LOCKED}, {@code SUSPENDED}, {@code INVITED} or
 * {@code DISABLED}
 * @param suspensionReason why the user is suspended, a {@link SuspensionReason}'s name,
 * while they are
 * @param lockedUntil when a lock ends by itself, if locked for a while
 * @param lockedPermanently whether only support can lift the lock
 * @param stepUpRequired whether the user's next sign-in needs a second factor or a
 * recovery link after repeated locks; unlocking lifts it
 * @param lastSignInAt when the user last signed in, if ever
 */
record AccountStatus(String userId, String email, Role role, UUID practiceId, String practiceName,
		@Nullable String practiceCode, String status, @Nullable String suspensionReason, @Nullable Instant lockedUntil,
		boolean lockedPermanently, boolean stepUpRequired, @Nullable Instant lastSignInAt) {

	static AccountStatus of(PracticeUser user, @Nullable String practiceCode, @Nullable String suspensionReason,
			@Nullable Instant lastSignInAt, Instant now) {
		boolean locked = user.lockedAt(now);
		String status = (locked && user.status() == UserStatus.ACTIVE) ? "LOCKED" : user.status().name();
		return new AccountStatus(user.userId(), user.email(), user.role(), user.practiceId(), user.practiceName(),
				practiceCode, status, (user.status() == UserStatus.SUSPENDED) ? suspensionReason : null,
				locked ? user.lockedUntil() : null, user.lockedPermanently(), user.stepUpRequired(), lastSignInAt);
	}

}
