package io.carefin.auth.mfa;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.lockout.Lockout;
import io.carefin.auth.token.KeyEncryption;
import io.carefin.auth.token.OpaqueTokens;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.token.TokenPair;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.CodeRequested;

/**
 * Second-factor challenges. A correct password opens a challenge when the user has a
 * factor, or the practice requires one or repeated locks asked for a step-up (then a code
 * goes to the e-mail address on file). A code lives ten minutes, works once and only for
 * its challenge; five wrong answers end the challenge. Every answer counts toward the
 * user's lockout, whichever challenge it answers, and is counted, committed on its own,
 * before it is compared, so a locked user's answers and those past the limit are never
 * compared. Codes can be resent after a cooldown, at most a few an hour per user,
 * whichever challenge asks. Authenticator-app codes are accepted for one step of drift
 * and never for a step used before.
 */
@Service
@EnableConfigurationProperties(MfaProperties.class)
public class SecondFactorChallenges {

	private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(30);

	private final Challenges challenges;

	private final SecondFactors factors;

	private final Users users;

	private final Lockout lockout;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final MfaProperties properties;

	private final KeyEncryption encryption;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactorChallenges(Challenges challenges, SecondFactors factors, Users users, Lockout lockout,
			Sessions sessions, ApplicationEventPublisher events, MfaProperties properties, KeyEncryption encryption,
			AuditTrail audit, TransactionTemplate transactions, Clock clock) {
		this.challenges = challenges;
		this.factors = factors;
		this.users = users;
		this.lockout = lockout;
		this.sessions = sessions;
		this.events = events;
		this.properties = properties;
		this.encryption = encryption;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Opens a challenge for a user whose password was right, when they need one.
	 */
	@Transactional
	public Optional<MfaRequired> challenge(PracticeUser user) {
		List<SecondFactors.Factor> factors = factorsOf(user);
		if (factors.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		UUID challengeId = this.challenges.open(user.id(), Challenges.Purpose.SIGN_IN, now,
				now.plus(CHALLENGE_LIFETIME));
		boolean hasApp = factors.stream().anyMatch((factor) -> factor.method() == Method.TOTP);
		if (!hasApp) {
			factors.stream()
				.filter((factor) -> factor.method().sendsCodes())
				.min(Comparator.comparing(SecondFactors.Factor::method))
				.ifPresent((factor) -> send(challengeId, user, factor, now));
		}
		Map<Method, String> destinations = new EnumMap<>(Method.class);
		factors.stream()
			.filter((factor) -> factor.destination() != null)
			.forEach((factor) -> destinations.put(factor.method(), mask(factor.method(), factor.destination())));
		return Optional.of(new MfaRequired("MFA_REQUIRED", challengeId,
				factors.stream().map(SecondFactors.Factor::method).toList(), destinations));
	}

	/**
	 * Signs the user in when the code answers the challenge. The answer is first counted
	 * toward the user's lockout in a statement of its own; then, in one transaction that
	 * holds the challenge, it is compared, and either signs the user in (clearing the
	 * count) or counts as a wrong try, locking the user at the limit.
	 * @throws ChallengeFailedException otherwise, whatever the reason
	 */
	public TokenPair verify(UUID challengeId, String code) {
		Instant now = this.clock.instant();
		UUID userId = this.challenges
			.userOfOpen(challengeId, Challenges.Purpose.SIGN_IN, now, this.properties.maxWrongTries())
			.orElseThrow(() -> failed(null));
		Lockout.Attempt attempt = this.lockout.countAttempt(userId, now);
		PracticeUser user = attempt.user();
		if (user == null || attempt.number().isEmpty()) {
			throw failed(user);
		}
		int number = attempt.number().getAsInt();
		TokenPair tokens = this.transactions.execute((status) -> answer(challengeId, code, user, number, now));
		if (tokens == null) {
			throw new ChallengeFailedException();
		}
		return tokens;
	}

	private @Nullable TokenPair answer(UUID challengeId, String code, PracticeUser user, int attempt, Instant now) {
		Optional<Challenges.Challenge> challenge = this.challenges.lockOpen(challengeId, Challenges.Purpose.SIGN_IN,
				now, this.properties.maxWrongTries());
		if (challenge.isPresent() && (appCodeMatches(user, code, now) || sentCodeMatches(challenge.get(), code, now))) {
			this.challenges.complete(challengeId, now);
			this.lockout.succeeded(user.id(), now);
			TokenPair tokens = this.sessions.start(user);
			this.audit.signIn(AuditAction.SECOND_FACTOR, true, user.id(), user.practiceId(), true);
			return tokens;
		}
		if (challenge.isPresent()) {
			this.challenges.wrongTry(challengeId);
		}
		// Counted answers fail alike, also one whose challenge a parallel answer ended.
		this.lockout.failed(user, attempt, now);
		recordFailure(user);
		return null;
	}

	/**
	 * Sends a new code for an open challenge by the given method, unless the cooldown or
	 * the hourly cap says no; the caller is never told which.
	 */
	@Transactional
	public void resend(UUID challengeId, Method method) {
		Instant now = this.clock.instant();
		this.challenges.lockOpen(challengeId, Challenges.Purpose.SIGN_IN, now, this.properties.maxWrongTries())
			.filter((challenge) -> challenge.lastSentAt() == null
					|| !now.isBefore(challenge.lastSentAt().plus(this.properties.resendCooldown())))
			.ifPresent((challenge) -> this.users.byId(challenge.userId())
				.filter(PracticeUser::active)
				.ifPresent((user) -> factorsOf(user).stream()
					.filter((factor) -> factor.method() == method && method.sendsCodes())
					.findFirst()
					.ifPresent((factor) -> send(challengeId, user, factor, now))));
	}

	/**
	 * Starts enrolling a phone number or e-mail address for codes: a code goes to it, and
	 * the factor works once the code comes back.
	 */
	@Transactional
	public MfaRequired startEnrolment(PracticeUser user, Method method, String destination) {
		Instant now = this.clock.instant();
		this.factors.startCodeFactor(user.id(), method, destination, now);
		UUID challengeId = this.challenges.open(user.id(), Challenges.Purpose.ENROLMENT, now,
				now.plus(CHALLENGE_LIFETIME));
		send(challengeId, user, new SecondFactors.Factor(method, destination, null, 0), now);
		return new MfaRequired("CONFIRMATION_REQUIRED", challengeId, List.of(method),
				Map.of(method, mask(method, destination)));
	}

	/**
	 * Confirms an enrolment with the code sent to the new destination.
	 * @throws ChallengeFailedException when the code is wrong, used or expired
	 */
	@Transactional(noRollbackFor = ChallengeFailedException.class)
	public void confirmEnrolment(UUID userId, Method method, UUID challengeId, String code) {
		Instant now = this.clock.instant();
		Challenges.Challenge challenge = this.challenges
			.lockOpen(challengeId, Challenges.Purpose.ENROLMENT, now, this.properties.maxWrongTries())
			.filter((candidate) -> candidate.userId().equals(userId))
			.orElseThrow(ChallengeFailedException::new);
		if (!sentCodeMatches(challenge, code, now)) {
			this.challenges.wrongTry(challengeId);
			throw new ChallengeFailedException();
		}
		this.challenges.complete(challengeId, now);
		this.factors.confirmCodeFactor(userId, method, now);
	}

	private ChallengeFailedException failed(@Nullable PracticeUser user) {
		recordFailure(user);
		return new ChallengeFailedException();
	}

	private void recordFailure(@Nullable PracticeUser user) {
		this.audit.signIn(AuditAction.SECOND_FACTOR, false, (user != null) ? user.id() : null,
				(user != null) ? user.practiceId() : null, false);
	}

	private List<SecondFactors.Factor> factorsOf(PracticeUser user) {
		List<SecondFactors.Factor> factors = user.hasSecondFactor() ? new ArrayList<>(this.factors.confirmed(user.id()))
				: new ArrayList<>();
		if (factors.isEmpty() && (user.practiceRequiresMfa() || user.stepUpRequired())) {
			factors.add(new SecondFactors.Factor(Method.EMAIL, user.email(), null, 0));
		}
		return factors;
	}

	private void send(UUID challengeId, PracticeUser user, SecondFactors.Factor factor, Instant now) {
		if (this.challenges.codesSentSince(user.id(), now.minus(Duration.ofHours(1))) >= this.properties
			.maxCodesPerHour()) {
			return;
		}
		String code = "%06d".formatted(this.random.nextInt(1_000_000));
		Instant expiresAt = now.plus(this.properties.codeTtl());
		this.challenges.codeSent(challengeId, user.id(), factor.method(), codeHash(challengeId, code), now, expiresAt);
		this.events.publishEvent(new CodeRequested(UUID.randomUUID(), now, challengeId, user.id(), user.practiceId(),
				user.practiceName(), factor.method().name(), factor.destination(), code, expiresAt));
	}

	private boolean sentCodeMatches(Challenges.Challenge challenge, String code, Instant now) {
		return challenge.codeHash() != null && challenge.codeExpiresAt() != null
				&& now.isBefore(challenge.codeExpiresAt())
				&& MessageDigest.isEqual(challenge.codeHash(), codeHash(challenge.id(), code));
	}

	private boolean appCodeMatches(PracticeUser user, String code, Instant now) {
		return this.factors.confirmed(user.id())
			.stream()
			.filter((factor) -> factor.method() == Method.TOTP && factor.encryptedSecret() != null)
			.findFirst()
			.map((factor) -> {
				OptionalLong step = Totp.match(this.encryption.decrypt(factor.encryptedSecret()), code, now,
						factor.lastUsedStep());
				return step.isPresent() && this.factors.useTotpStep(user.id(), step.getAsLong());
			})
			.orElse(false);
	}

	private static byte[] codeHash(UUID challengeId, String code) {
		return OpaqueTokens.sha256(challengeId + ":" + code);
	}

	static String mask(Method method, String destination) {
		if (method == Method.EMAIL) {
			int at = destination.indexOf('@');
			return destination.charAt(0) + "***" + destination.substring(Math.max(at, 1));
		}
		return "***-***-" + destination.substring(Math.max(destination.length() - 4, 0));
	}

}
