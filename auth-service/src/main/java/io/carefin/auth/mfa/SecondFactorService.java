package io.carefin.auth.mfa;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.user.PracticeUser;

/**
 * A practice user's own confirmed second factors: which they are, with destinations
 * masked as a sign-in challenge masks them, and removing one. Factors still being
 * enrolled are neither listed nor removed.
 */
@Service
public class SecondFactorService {

	private final SecondFactors factors;

	private final AuditTrail audit;

	SecondFactorService(SecondFactors factors, AuditTrail audit) {
		this.factors = factors;
		this.audit = audit;
	}

	/**
	 * The user's confirmed factors, by method.
	 */
	public List<EnrolledFactor> enrolled(UUID userId) {
		return this.factors.confirmed(userId)
			.stream()
			.map((factor) -> new EnrolledFactor(factor.method(),
					(factor.destination() != null) ? SecondFactorChallenges.mask(factor.method(), factor.destination())
							: null))
			.toList();
	}

	/**
	 * Removes one of the user's confirmed factors. Removing the last one is allowed even
	 * when the practice requires a second factor: the user then gets sign-in codes at
	 * their e-mail address on file, as a user who never enrolled one does. Enrolments
	 * send no notice, and neither does a removal; both are in the audit trail.
	 * @throws FactorNotEnrolledException when the user has no such confirmed factor
	 */
	@Transactional
	public void remove(PracticeUser user, Method method) {
		if (!this.factors.remove(user.id(), method)) {
			throw new FactorNotEnrolledException();
		}
		this.audit.record(AuditAction.FACTOR_REMOVE, method.name(), user.id(), user.practiceId());
	}

}
