package io.carefin.auth.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A practice user as stored: identity, role and permissions, account state and lock
 * state.
 *
 * @param id the user's id, the {@code sub} of their tokens
 * @param practiceId the user's practice
 * @param practiceName the practice's name
 * @param practiceCode the practice's code, as in {@code /apply/{practiceCode}}, if it has
 * one
 * @param practiceRequiresMfa whether the practice requires a second factor of every user
 * @param userId what the user types to sign in
 * @param email where recovery and notices go
 * @param passwordHash the Argon2id hash, absent until an invited user activates
 * @param role the user's role
 * @param permissions the functions the user may use
 * @param status whether the account may be used
 * @param lockedUntil when the current lock ends, if the user is locked for a while
 * @param lockedPermanently whether only support can unlock the user
 * @param hasSecondFactor whether the user has confirmed a second factor
 * @param stepUpRequired whether a correct password also needs a second factor, or a
 * recovery link, since repeated locks
 * @param tokensNotBefore the user's not-before: access tokens issued earlier are refused,
 * and none is issued to the user dated earlier
 * @param practiceOpen whether the practice is open; ops closing it stops all its users
 */
public record PracticeUser(UUID id, UUID practiceId, String practiceName, @Nullable String practiceCode,
		boolean practiceRequiresMfa, String userId, String email, @Nullable String passwordHash, Role role,
		Set<Permission> permissions, UserStatus status, @Nullable Instant lockedUntil, boolean lockedPermanently,
		boolean hasSecondFactor, boolean stepUpRequired, @Nullable Instant tokensNotBefore, boolean practiceOpen) {

	/**
	 * Whether a lock stops the user from signing in at the given instant.
	 */
	public boolean lockedAt(Instant now) {
		return this.lockedPermanently || (this.lockedUntil != null && this.lockedUntil.isAfter(now));
	}

	/**
	 * Whether the user may sign in at all, locks aside: an active account with a
	 * password, in a practice that is open.
	 */
	public boolean active() {
		return this.status == UserStatus.ACTIVE && this.passwordHash != null && this.practiceOpen;
	}

}
