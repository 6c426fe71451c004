package io.carefin.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.carefin.gateway.edge.PortalPaths;

/**
 * The gateway's request budgets and whom it believes about a client's address.
 *
 * @param perUser the budget of each signed-in user (issuer and subject) on authenticated
 * routes
 * @param perClientAddress budgets per client address on the open paths that guess
 * passwords, codes or tokens, on a patient's application through the practice's link, and
 * on the portal's pages, which browsers load without a token; the first whose paths match
 * a request applies
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway;
 * only a request from one of them may name the client
 * @param forwardedHeader the header the trusted proxies name the client in:
 * {@code x-forwarded-for} (the default) or {@code forwarded} (RFC 7239); the other one is
 * ignored, since a proxy passes it on as the client wrote it
 * @param redisUrl where the budgets shared by all gateway replicas live
 * ({@code redis://host:port}); blank keeps each replica's budgets in its own memory
 * @param redisTimeout how long a request waits for Redis before the replica falls back to
 * its own memory for it
 */
@ConfigurationProperties("carefin.gateway.rate-limits")
record RateLimitProperties(@DefaultValue Budget perUser, List<PathBudget> perClientAddress,
		@DefaultValue List<String> trustedProxies,
		@DefaultValue("x-forwarded-for") ClientAddresses.ForwardedHeader forwardedHeader, @Nullable String redisUrl,
		@DefaultValue("250ms") Duration redisTimeout) {

	static final List<PathBudget> DEFAULT_PER_CLIENT_ADDRESS = List.of(
			new PathBudget("login", List.of("/api/auth/login"), List.of(), 10, Duration.ofMinutes(1)),
			new PathBudget("second-factor", List.of("/api/auth/mfa/**"), List.of(), 10, Duration.ofMinutes(1)),
			new PathBudget("recovery", List.of("/api/auth/recovery/**", "/api/auth/users/activate"), List.of(), 5,
					Duration.ofMinutes(1)),
			new PathBudget("refresh", List.of("/api/auth/token/refresh"), List.of(), 30, Duration.ofMinutes(1)),
			// each application asks the bureau for a credit file; one patient needs about
			// three requests
			new PathBudget("patient-application", List.of("/api/transactions/practices/**"), List.of(), 20,
					Duration.ofMinutes(10)),
			new PathBudget("portal", List.of("/**"), PortalPaths.EXCLUDED, 300, Duration.ofMinutes(1)));

	RateLimitProperties {
		perClientAddress = (perClientAddress != null) ? List.copyOf(perClientAddress) : DEFAULT_PER_CLIENT_ADDRESS;
		trustedProxies = List.copyOf(trustedProxies);
		redisUrl = (redisUrl != null && !redisUrl.isBlank()) ? redisUrl : null;
	}

	/**
	 * A number of requests per period, refilled smoothly over the period.
	 *
	 * @param requests how many requests the period allows
	 * @param period the period
	 */
	record Budget(@DefaultValue("120") int requests, @DefaultValue("1m") Duration period) {
	}

	/**
	 * A budget per client address on some paths.
	 *
	 * @param name names the budget in keys and metrics
	 * @param paths path patterns the budget covers
	 * @param excludedPaths path patterns among those that the budget does not cover
	 * @param requests how many requests the period allows each client address
	 * @param period the period
	 */
	record PathBudget(String name, List<String> paths, @DefaultValue List<String> excludedPaths, int requests,
			Duration period) {

		PathBudget {
			excludedPaths = (excludedPaths != null) ? List.copyOf(excludedPaths) : List.of();
		}

		Budget budget() {
			return new Budget(this.requests, this.period);
		}

	}

}
