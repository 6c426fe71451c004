package io.carefin.auth.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.recovery.AccessLinks;
import io.carefin.auth.user.Permission;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.UserStatus;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.UserInvited;

/**
 * Invitations to a practice: the invited user is created without a password and gets a
 * 72-hour activation link by e-mail ({@code UserInvited}), leading to the portal's
 * {@code /activate} page. A practice admin invites their team, ops invite a new
 * practice's first admin, and the admin or support resends a link that was lost; a new
 * link always voids the earlier ones.
 */
@Component
public class Invitations {

	private static final Duration ACTIVATION_LINK_LIFETIME = Duration.ofHours(72);

	private static final Set<String> RESERVED_USER_IDS = Set.of("carefin", "support", "helpdesk", "security", "staff",
			"system", "root");

	private final Users users;

	private final AccessLinks links;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	Invitations(Users users, AccessLinks links, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.users = users;
		this.links = links;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Whether a user ID is kept for CareFin's own use and never given to a practice user.
	 */
	public static boolean reserved(String userId) {
		return RESERVED_USER_IDS.contains(userId.toLowerCase(Locale.ROOT));
	}

	/**
	 * Creates an invited user and sends their activation link, in the caller's
	 * transaction.
	 * @throws org.springframework.dao.DuplicateKeyException when the user ID is held
	 */
	@Transactional
	public PracticeUser invite(UUID practiceId, String userId, String email, Role role, Set<Permission> permissions) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.users.invite(id, practiceId, userId, email, role, permissions, now);
		PracticeUser invited = this.users.byId(id).orElseThrow();
		send(invited, now);
		this.audit.record(AuditAction.INVITE, "SENT", id, practiceId);
		return invited;
	}

	/**
	 * Sends an invited user a new activation link, which voids the earlier ones, and
	 * audits it with the caller as actor (a practice admin, or support with the reason
	 * they gave).
	 * @throws InvitationNotPendingException when the user has activated already, or their
	 * practice is closed
	 */
	@Transactional
	public void resend(PracticeUser user, @Nullable String reason) {
		if (user.status() != UserStatus.INVITED) {
			throw new InvitationNotPendingException("This user has no invitation waiting: only an invited user "
					+ "who has not activated yet can be sent a new activation link.");
		}
		if (!user.practiceOpen()) {
			throw new InvitationNotPendingException("This user's practice is closed, so no activation link is sent.");
		}
		send(user, this.clock.instant());
		this.audit.record(AuditAction.INVITE_RESEND, "SENT", user.id(), user.practiceId(), reason);
	}

	private void send(PracticeUser user, Instant now) {
		String token = this.links.issue(user.id(), AccessLinks.Purpose.ACTIVATION, now, ACTIVATION_LINK_LIFETIME);
		this.events.publishEvent(new UserInvited(UUID.randomUUID(), now, user.id(), user.practiceId(),
				user.practiceName(), user.email(), user.userId(), token, now.plus(ACTIVATION_LINK_LIFETIME)));
	}

}
