package io.carefin.auth.team;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.password.PasswordPolicy;
import io.carefin.auth.password.Passwords;
import io.carefin.auth.recovery.AccessLinks;
import io.carefin.auth.recovery.LinkInvalidException;
import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.Permission;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.UserStatus;
import io.carefin.auth.user.Users;

/**
 * What a practice admin does with their team. An invitation creates the user without a
 * password and sends a 72-hour activation link ({@link Invitations}); activating sets a
 * password under the usual policy. A user ID that is reserved or held by anyone, in this
 * practice or another, is refused with one answer that never says which.
 */
@Service
class Team {

	private final Users users;

	private final AccessLinks links;

	private final Invitations invitations;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final Sessions sessions;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Team(Users users, AccessLinks links, Invitations invitations, Passwords passwords, PasswordPolicy policy,
			Sessions sessions, AuditTrail audit, Clock clock, TransactionTemplate transactions) {
		this.users = users;
		this.links = links;
		this.invitations = invitations;
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	List<TeamMember> members(UUID practiceId) {
		return this.users.ofPractice(practiceId).stream().map(TeamMember::of).toList();
	}

	/**
	 * Invites a user, or refuses their user ID with one audited answer, the same whether
	 * the ID is reserved or held in any practice.
	 */
	TeamMember invite(UUID practiceId, String userId, String email, Role role, Set<Permission> permissions) {
		if (!Invitations.reserved(userId)) {
			try {
				return TeamMember.of(Objects.requireNonNull(this.transactions
					.execute((status) -> this.invitations.invite(practiceId, userId, email, role, permissions))));
			}
			catch (DuplicateKeyException ex) {
				// Held by someone, here or in another practice: refused like a reserved
				// ID.
			}
		}
		this.audit.record(AuditAction.INVITE, "REFUSED", null, practiceId);
		throw new TeamException("user-id-unavailable", "That user ID can't be used; choose another one.");
	}

	@Transactional
	TeamMember change(UUID practiceId, UUID adminId, String userId, Role role, Set<Permission> permissions,
			boolean enabled) {
		PracticeUser user = this.users.byUserId(userId)
			.filter((candidate) -> candidate.practiceId().equals(practiceId))
			.orElseThrow(UserNotFoundException::new);
		if (user.id().equals(adminId) && (!enabled || role != user.role())) {
			throw new TeamException("own-access",
					"You cannot disable yourself or change your own role; ask another admin.");
		}
		this.users.changeAccess(user.id(), role, permissions);
		UserStatus status = user.status();
		if (!enabled && status == UserStatus.ACTIVE) {
			this.users.changeStatus(user.id(), UserStatus.DISABLED);
			this.sessions.endAll(user.id(), "DISABLED");
			this.audit.record(AuditAction.DISABLE, "SUCCEEDED", user.id(), practiceId);
		}
		else if (enabled && status == UserStatus.DISABLED) {
			this.users.changeStatus(user.id(), UserStatus.ACTIVE);
			this.audit.record(AuditAction.ENABLE, "SUCCEEDED", user.id(), practiceId);
		}
		this.audit.record(AuditAction.CHANGE_ACCESS, role + " " + permissions, user.id(), practiceId);
		return TeamMember.of(this.users.byId(user.id()).orElseThrow());
	}

	/**
	 * Sends a user of the admin's practice who has not activated yet a new activation
	 * link, as support does, voiding the one they had.
	 * @throws UserNotFoundException when no user of the practice has this user ID
	 * @throws InvitationNotPendingException when the user has activated already
	 */
	@Transactional
	TeamMember resendInvitation(UUID practiceId, String userId) {
		PracticeUser user = this.users.byUserId(userId)
			.filter((candidate) -> candidate.practiceId().equals(practiceId))
			.orElseThrow(UserNotFoundException::new);
		this.invitations.resend(user, null);
		return TeamMember.of(user);
	}

	@Transactional
	void activate(String token, String password) {
		Instant now = this.clock.instant();
		PracticeUser user = this.links.holder(token, AccessLinks.Purpose.ACTIVATION, now)
			.flatMap(this.users::byId)
			.filter((candidate) -> candidate.status() == UserStatus.INVITED)
			.orElseThrow(LinkInvalidException::new);
		this.policy.requireAcceptable(password, user.userId(), user.practiceName());
		this.users.changePasswordHash(user.id(), this.passwords.hash(password));
		this.users.changeStatus(user.id(), UserStatus.ACTIVE);
		this.links.voidLinks(user.id(), AccessLinks.Purpose.ACTIVATION, now);
		this.audit.record(AuditAction.ACTIVATE, "SUCCEEDED", user.id(), user.practiceId());
	}

}
