package io.carefin.auth.practice;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.team.Invitations;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.Permission;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.PracticeChanged;
import io.carefin.contracts.auth.PracticeClosed;
import io.carefin.contracts.auth.PracticeEnrolled;

/**
 * Ops' work on practices: enrolling one with its first administrator, changing its
 * details, closing it. Each is one transaction with its event on {@code auth.practices}
 * and its audit entry; closing also ends every session of the practice's users, whose
 * access tokens the gateway and every service then refuse within seconds.
 */
@Service
class PracticeService {

	private final Practices practices;

	private final Users users;

	private final Invitations invitations;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	PracticeService(Practices practices, Users users, Invitations invitations, Sessions sessions,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.practices = practices;
		this.users = users;
		this.invitations = invitations;
		this.sessions = sessions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	List<Practice> find(@Nullable String query) {
		return this.practices.find(query);
	}

	Practice get(UUID id) {
		return this.practices.byId(id).orElseThrow(PracticeNotFoundException::new);
	}

	/**
	 * Enrols a practice and invites its first administrator, who may use every function.
	 * @throws PracticeException when the code, the merchant ID or the admin's user ID is
	 * taken
	 */
	@Transactional
	Practice enrol(PracticeController.Enrolment enrolment) {
		Instant now = this.clock.instant();
		Practice practice = Practice.enrol(UUID.randomUUID(), enrolment.name(), enrolment.merchantId(),
				enrolment.practiceCode(), enrolment.timeZone(), enrolment.address(), enrolment.supportContact(), now);
		requireFree(practice);
		String adminId = enrolment.admin().userId();
		if (Invitations.reserved(adminId) || this.users.byUserId(adminId).isPresent()) {
			throw new PracticeException("user-id-unavailable",
					"That user ID can't be used for the practice's administrator; choose another one.");
		}
		this.practices.add(practice);
		this.invitations.invite(practice.id(), adminId, enrolment.admin().email().strip(), Role.PRACTICE_ADMIN,
				EnumSet.allOf(Permission.class));
		this.events.publishEvent(new PracticeEnrolled(UUID.randomUUID(), now, practice.id(), practice.name(),
				Objects.requireNonNull(practice.practiceCode()), Objects.requireNonNull(practice.merchantId()),
				Objects.requireNonNull(practice.timeZone())));
		this.audit.record(AuditAction.PRACTICE_ENROL, "SUCCEEDED", null, practice.id(),
				"enrolled " + practice.practiceCode());
		return practice;
	}

	/**
	 * Changes the given details of an open practice.
	 * @throws PracticeException when the practice is closed, or the new code or merchant
	 * ID is taken
	 */
	@Transactional
	Practice change(UUID id, PracticeController.Changes changes) {
		Practice current = this.practices.byIdForUpdate(id).orElseThrow(PracticeNotFoundException::new);
		Practice changed = current.change(changes.name(), changes.merchantId(), changes.practiceCode(),
				changes.timeZone(), changes.address(), changes.supportContact());
		List<String> differences = changed.differencesFrom(current);
		if (differences.isEmpty()) {
			return current;
		}
		requireFree(changed);
		this.practices.save(changed);
		if (changed.practiceCode() != null && changed.merchantId() != null && changed.timeZone() != null) {
			this.events.publishEvent(new PracticeChanged(UUID.randomUUID(), this.clock.instant(), changed.id(),
					changed.name(), changed.practiceCode(), changed.merchantId(), changed.timeZone()));
		}
		this.audit.record(AuditAction.PRACTICE_CHANGE, "SUCCEEDED", null, id,
				"changed " + String.join(", ", differences));
		return changed;
	}

	/**
	 * Closes an open practice and signs out all its users.
	 * @throws PracticeException when the practice is closed already
	 */
	@Transactional
	Practice close(UUID id, String reason) {
		Instant now = this.clock.instant();
		Practice closed = this.practices.byIdForUpdate(id)
			.orElseThrow(PracticeNotFoundException::new)
			.close(reason, now);
		this.practices.save(closed);
		for (PracticeUser user : this.users.ofPractice(id)) {
			this.sessions.endAll(user.id(), "PRACTICE_CLOSED");
		}
		this.events.publishEvent(new PracticeClosed(UUID.randomUUID(), now, id, reason));
		this.audit.record(AuditAction.PRACTICE_CLOSE, "SUCCEEDED", null, id, reason);
		return closed;
	}

	private void requireFree(Practice practice) {
		String code = practice.practiceCode();
		if (code != null && this.practices.codeTaken(code, practice.id())) {
			throw new PracticeException("practice-code-taken",
					"Another practice has the practice code " + code + "; choose another one.");
		}
		String merchantId = practice.merchantId();
		if (merchantId != null && this.practices.merchantIdTaken(merchantId, practice.id())) {
			throw new PracticeException("merchant-id-taken",
					"Another practice is paid to this merchant ID; check the number.");
		}
	}

}
