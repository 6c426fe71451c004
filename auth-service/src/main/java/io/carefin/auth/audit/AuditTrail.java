package io.carefin.auth.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.carefin.contracts.auth.SignInFailed;
import io.carefin.contracts.auth.SignInSucceeded;
import io.carefin.starter.security.ClientAddresses;

/**
 * Records every security-relevant change to a practice user's account, and ops' changes
 * to practices: who (the user, a staff member's subject and user name, or the system),
 * when, from which client address (the one the gateway names only when the request comes
 * from the gateway) and user agent, and the outcome; never a password, code or token.
 * Sign-in outcomes are also published on {@code auth.sign-ins} for the ops security
 * report. Each record commits with the change it describes, or on its own when the change
 * is a refusal.
 */
@Component
public class AuditTrail {

	private static final int MAX_USER_AGENT = 256;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ClientAddresses clientAddresses;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, ApplicationEventPublisher events, ClientAddresses clientAddresses, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clientAddresses = clientAddresses;
		this.clock = clock;
	}

	/**
	 * Records an action in the caller's transaction, or in one of its own.
	 */
	@Transactional
	public void record(AuditAction action, String outcome, @Nullable UUID userId, @Nullable UUID practiceId) {
		record(action, outcome, userId, practiceId, null);
	}

	/**
	 * Records an action with the reason its actor gave, in the caller's transaction, or
	 * in one of its own.
	 */
	@Transactional
	public void record(AuditAction action, String outcome, @Nullable UUID userId, @Nullable UUID practiceId,
			@Nullable String reason) {
		HttpServletRequest request = currentRequest();
		this.jdbc.sql("""
				INSERT INTO audit_entry (id, occurred_at, action, outcome, user_id, practice_id, actor, client_ip,
				user_agent, reason)
				VALUES (:id, :now, :action, :outcome, :userId, :practiceId, :actor, :clientIp, :userAgent, :reason)
				""")
			.param("id", UUID.randomUUID())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("action", action.name())
			.param("outcome", outcome)
			.param("userId", userId)
			.param("practiceId", practiceId)
			.param("actor", actor())
			.param("clientIp", (request != null) ? this.clientAddresses.of(request) : null)
			.param("userAgent", userAgent(request))
			.param("reason", reason)
			.update();
	}

	/**
	 * Records a sign-in step that succeeded or failed, and publishes it for the security
	 * report, in the caller's transaction, or in one of its own when a refusal has none.
	 */
	@Transactional
	public void signIn(AuditAction step, boolean succeeded, @Nullable UUID userId, @Nullable UUID practiceId,
			boolean tokensIssued) {
		record(step, succeeded ? "SUCCEEDED" : "FAILED", userId, practiceId);
		Instant now = this.clock.instant();
		if (!succeeded) {
			this.events.publishEvent(new SignInFailed(UUID.randomUUID(), now, userId, practiceId,
					(step == AuditAction.SIGN_IN) ? "PASSWORD" : "SECOND_FACTOR"));
		}
		else if (tokensIssued && userId != null && practiceId != null) {
			this.events.publishEvent(
					new SignInSucceeded(UUID.randomUUID(), now, userId, practiceId, step == AuditAction.SECOND_FACTOR));
		}
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken jwt) {
			boolean staff = jwt.getAuthorities()
				.stream()
				.noneMatch((authority) -> authority.getAuthority().startsWith("ROLE_PRACTICE_"));
			if (!staff) {
				return "user:" + jwt.getToken().getSubject();
			}
			String username = jwt.getToken().getClaimAsString("preferred_username");
			return "staff:" + jwt.getToken().getSubject() + ((username != null) ? " (" + username + ")" : "");
		}
		return (currentRequest() != null) ? "self" : "system";
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private static @Nullable String userAgent(@Nullable HttpServletRequest request) {
		String agent = (request != null) ? request.getHeader("User-Agent") : null;
		return (agent != null && agent.length() > MAX_USER_AGENT) ? agent.substring(0, MAX_USER_AGENT) : agent;
	}

}
