package io.carefin.auth.support;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.auth.user.PracticeUser;

/**
 * A practice user's account as support sees it.
 *
 * @param userId what the user signs in with
 * @param practiceId the user's practice
 * @param practiceName the practice's name
 * @param status {@code ACTIVE}, {@code LOCKED}, {@code SUSPENDED}, {@code INVITED} or
 * {@code DISABLED}
 * @param lockedUntil when a lock ends by itself, if locked for a while
 * @param lockedPermanently whether only support can lift the lock
 * @param stepUpRequired whether the user's next sign-in needs a second factor or a
 * recovery link after repeated locks; unlocking lifts it
 */
record AccountStatus(String userId, UUID practiceId, String practiceName, String status, @Nullable Instant lockedUntil,
		boolean lockedPermanently, boolean stepUpRequired) {

	static AccountStatus of(PracticeUser user, Instant now) {
		boolean locked = user.lockedAt(now);
		String status = (locked && user.status() == io.carefin.auth.user.UserStatus.ACTIVE) ? "LOCKED"
				: user.status().name();
		return new AccountStatus(user.userId(), user.practiceId(), user.practiceName(), status,
				locked ? user.lockedUntil() : null, user.lockedPermanently(), user.stepUpRequired());
	}

}
