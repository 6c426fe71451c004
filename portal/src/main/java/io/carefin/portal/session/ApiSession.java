package io.carefin.portal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.carefin.portal.api.AccessTokens;
import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.ApiUnavailableException;
import io.carefin.portal.api.AuthApi;
import io.carefin.portal.api.Tokens;
import io.carefin.portal.api.TooManyRequestsException;

/**
 * The signed-in browser's API session: the tokens live in the server-side session, and
 * are renewed when the access token is about to expire or the user is active.
 * <p>
 * A refresh token works once (reusing one ends the whole session at auth-service), so two
 * requests of one browser must never renew with the same token, even on two portal
 * replicas: a renewal holds a PostgreSQL advisory lock on the session id, re-reads the
 * stored tokens (another request may have renewed them already) and writes the new pair
 * to the store before the lock is released.
 */
@Component
public class ApiSession implements AccessTokens {

	static final String TOKENS = "io.carefin.portal.session.TOKENS";

	private static final Logger logger = LoggerFactory.getLogger(ApiSession.class);

	private final AuthApi auth;

	private final SessionRepository<? extends Session> sessions;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SessionProperties properties;

	private final Clock clock;

	ApiSession(AuthApi auth, SessionRepository<? extends Session> sessions, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, SessionProperties properties, Clock clock) {
		this.auth = auth;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether the session belongs to a signed-in user.
	 */
	public static boolean isSignedIn(@Nullable HttpSession session) {
		return session != null && session.getAttribute(TOKENS) instanceof ApiTokens;
	}

	/**
	 * Forgets the practice user's tokens the session holds, once their API session has
	 * ended: the browser is no longer signed in as a practice user.
	 */
	public static void forget(HttpSession session) {
		session.removeAttribute(TOKENS);
	}

	/**
	 * Starts a signed-in session: the browser's anonymous session (and anything planted
	 * in it) is dropped, and the tokens go into a new session with a new id, whose
	 * creation starts the absolute timeout.
	 */
	public void start(HttpServletRequest request, Tokens tokens) {
		HttpSession anonymous = request.getSession(false);
		if (anonymous != null) {
			anonymous.invalidate();
		}
		request.getSession(true).setAttribute(TOKENS, ApiTokens.issued(tokens, this.clock.instant()));
	}

	@Override
	public String current() {
		HttpSession session = currentSession();
		ApiTokens tokens = tokensIn(session);
		if (expiresSoon(tokens, this.clock.instant())) {
			tokens = renew(session, this::expiresSoon);
		}
		return tokens.accessToken();
	}

	/**
	 * Keeps auth-service's session as alive as the portal's on a signed-in request:
	 * renews the tokens when the last renewal is older than the activity interval, or the
	 * access token is about to expire.
	 */
	public void keepAlive(HttpSession session) {
		if (dueForRenewal(tokensIn(session), this.clock.instant())) {
			renew(session, this::dueForRenewal);
		}
	}

	private boolean expiresSoon(ApiTokens tokens, Instant now) {
		return tokens.expiresWithin(this.properties.refreshBeforeExpiry(), now);
	}

	private boolean dueForRenewal(ApiTokens tokens, Instant now) {
		return expiresSoon(tokens, now) || tokens.refreshedBefore(this.properties.activityRefreshInterval(), now);
	}

	private ApiTokens renew(HttpSession session, BiPredicate<ApiTokens, Instant> due) {
		ApiTokens renewed = this.transactions
			.execute((status) -> renewLocked(this.sessions, session.getId(), tokensIn(session), due));
		if (renewed == null) {
			throw new SessionEndedException("The session's tokens could not be renewed");
		}
		session.setAttribute(TOKENS, renewed);
		return renewed;
	}

	private <S extends Session> ApiTokens renewLocked(SessionRepository<S> repository, String sessionId,
			ApiTokens cached, BiPredicate<ApiTokens, Instant> due) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", sessionId);
		S stored = repository.findById(sessionId);
		ApiTokens current = (stored != null && stored.getAttribute(TOKENS) instanceof ApiTokens tokens) ? tokens
				: cached;
		Instant now = this.clock.instant();
		if (!due.test(current, now)) {
			return current;
		}
		Tokens tokens;
		try {
			tokens = this.auth.refresh(new AuthApi.Refresh(current.refreshToken()));
		}
		catch (TooManyRequestsException | ApiUnavailableException ex) {
			if (current.expiresWithin(Duration.ZERO, now)) {
				throw ex;
			}
			logger.info("Could not renew an API session yet; its access token still works: {}", ex.getMessage());
			return current;
		}
		catch (ApiProblemException ex) {
			throw new SessionEndedException("auth-service refused to renew the session (" + ex.status() + ")", ex);
		}
		ApiTokens renewed = ApiTokens.issued(tokens, now);
		if (stored != null) {
			stored.setAttribute(TOKENS, renewed);
			repository.save(stored);
		}
		logger.debug("Renewed an API session");
		return renewed;
	}

	private static ApiTokens tokensIn(HttpSession session) {
		if (session.getAttribute(TOKENS) instanceof ApiTokens tokens) {
			return tokens;
		}
		throw new SessionEndedException("The session holds no API tokens");
	}

	private static HttpSession currentSession() {
		HttpSession session = (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				? request.getRequest().getSession(false) : null;
		if (session == null) {
			throw new SessionEndedException("There is no browser session");
		}
		return session;
	}

}
