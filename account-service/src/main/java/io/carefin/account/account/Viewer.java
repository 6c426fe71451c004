package io.carefin.account.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is looking at an account: a practice user (sees the practice's patients in full) or
 * support staff (see any account, masked, for a stated reason that is audited).
 *
 * @param actor who, as written in the audit trail ({@code staff:<subject>} or
 * {@code user:<subject>})
 * @param practiceId the practice a practice user acts for; {@code null} for support
 * @param reason the reason support staff gave; {@code null} for practice users
 */
public record Viewer(String actor, @Nullable UUID practiceId, @Nullable String reason) {

	/**
	 * Whether the viewer is support staff, who see masked data and are audited.
	 */
	public boolean support() {
		return this.practiceId == null;
	}

}
