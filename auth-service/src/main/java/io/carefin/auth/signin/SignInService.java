package io.carefin.auth.signin;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.lockout.Lockout;
import io.carefin.auth.mfa.MfaRequired;
import io.carefin.auth.mfa.SecondFactorChallenges;
import io.carefin.auth.password.Passwords;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.token.TokenPair;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;

/**
 * Signs a practice user in with their user ID and password. Whatever goes wrong (no such
 * user, an account that cannot sign in, a lock, a wrong password) ends in the same
 * {@link SignInFailedException} after one password-hash's worth of work; only a user who
 * is neither locked nor over the attempt limit has their real password checked, and the
 * attempt is counted, in the statement that reads the user, before it is. A correct
 * password leads to tokens, which clear the count, or to a second-factor challenge when
 * the user has a factor or the practice requires one, which takes back only its own
 * attempt so that wrong codes stay counted across challenges; all it changes (the count,
 * the session or challenge, the audit entry and its event) commits in one transaction,
 * and no database connection is held while a hash is computed.
 */
@Service
class SignInService {

	private final Users users;

	private final Passwords passwords;

	private final Lockout lockout;

	private final Sessions sessions;

	private final SecondFactorChallenges challenges;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignInService(Users users, Passwords passwords, Lockout lockout, Sessions sessions,
			SecondFactorChallenges challenges, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.lockout = lockout;
		this.sessions = sessions;
		this.challenges = challenges;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	Outcome signIn(String userId, String password) {
		Instant now = this.clock.instant();
		Lockout.Attempt attempt = this.lockout.countAttempt(userId, now);
		PracticeUser user = attempt.user();
		if (user == null || attempt.number().isEmpty() || user.passwordHash() == null) {
			this.passwords.checkNothing(password);
			throw failed(user);
		}
		if (!this.passwords.matches(password, user.passwordHash())) {
			this.lockout.failed(user, attempt.number().getAsInt(), now);
			throw failed(user);
		}
		String upgradedHash = this.passwords.outdated(user.passwordHash()) ? this.passwords.hash(password) : null;
		return this.transactions.execute((status) -> {
			if (upgradedHash != null) {
				this.users.changePasswordHash(user.id(), upgradedHash);
			}
			Outcome outcome = this.challenges.challenge(user)
				.<Outcome>map(SecondFactorNeeded::new)
				.orElseGet(() -> new Authenticated(this.sessions.start(user)));
			switch (outcome) {
				case Authenticated authenticated -> this.lockout.succeeded(user.id(), now);
				case SecondFactorNeeded needed -> this.lockout.withdraw(user.id(), now);
			}
			this.audit.signIn(AuditAction.SIGN_IN, true, user.id(), user.practiceId(),
					outcome instanceof Authenticated);
			return outcome;
		});
	}

	private SignInFailedException failed(@Nullable PracticeUser user) {
		this.audit.signIn(AuditAction.SIGN_IN, false, (user != null) ? user.id() : null,
				(user != null) ? user.practiceId() : null, false);
		return new SignInFailedException();
	}

	/**
	 * What a correct password leads to.
	 */
	sealed interface Outcome {

	}

	/**
	 * Signed in: here are the tokens.
	 */
	record Authenticated(TokenPair tokens) implements Outcome {
	}

	/**
	 * The password was right; now the second factor.
	 */
	record SecondFactorNeeded(MfaRequired challenge) implements Outcome {
	}

}
