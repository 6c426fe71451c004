package io.carefin.gateway.ratelimit;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.carefin.gateway.edge.EdgeProblems;
import io.carefin.starter.web.ProblemTypes;

/**
 * Spends one request of the caller's budget before a request is routed: per client
 * address on the open paths that guess secrets and on the portal's pages, per signed-in
 * user everywhere else, and refuses with 429 once the budget is spent.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	private static final URI TOO_MANY_REQUESTS = ProblemTypes.of("too-many-requests");

	private final List<CompiledPathBudget> perClientAddress;

	private final RateLimitProperties.Budget perUser;

	private final ClientAddresses clientAddresses;

	private final Budgets budgets;

	private final MeterRegistry meters;

	RateLimitFilter(RateLimitProperties properties, ClientAddresses clientAddresses, Budgets budgets,
			MeterRegistry meters) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		this.perClientAddress = properties.perClientAddress()
			.stream()
			.map((budget) -> new CompiledPathBudget(budget, budget.paths().stream().map(parser::parse).toList(),
					budget.excludedPaths().stream().map(parser::parse).toList()))
			.toList();
		this.perUser = properties.perUser();
		this.clientAddresses = clientAddresses;
		this.budgets = budgets;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (CompiledPathBudget candidate : this.perClientAddress) {
			if (candidate.matches(path)) {
				String client = exchange.getAttribute(ClientAddressFilter.ATTRIBUTE);
				String key = "address:" + candidate.budget().name() + ":"
						+ ((client != null) ? client : this.clientAddresses.of(exchange.getRequest()));
				return spend(exchange, chain, candidate.budget().name(), key, candidate.budget().budget());
			}
		}
		return exchange.getPrincipal()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((principal) -> principal.isPresent()
					? spend(exchange, chain, "user", "user:" + userKey(principal.get()), this.perUser)
					: chain.filter(exchange));
	}

	private Mono<Void> spend(ServerWebExchange exchange, GatewayFilterChain chain, String budgetName, String key,
			RateLimitProperties.Budget budget) {
		return this.budgets.tryConsume(key, budget)
			.flatMap((probe) -> probe.isConsumed() ? chain.filter(exchange) : refuse(exchange, budgetName, probe));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String budgetName, ConsumptionProbe probe) {
		this.meters.counter("carefin.gateway.rate_limit.refused", "budget", budgetName).increment();
		long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
		return EdgeProblems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS,
				"Too many requests; try again in " + retryAfterSeconds + " seconds.");
	}

	private static String userKey(Principal principal) {
		if (principal instanceof JwtAuthenticationToken token) {
			return token.getToken().getClaimAsString("iss") + "|" + token.getToken().getSubject();
		}
		return principal.getName();
	}

	private record CompiledPathBudget(RateLimitProperties.PathBudget budget, List<PathPattern> patterns,
			List<PathPattern> excluded) {

		boolean matches(PathContainer path) {
			return this.patterns.stream().anyMatch((pattern) -> pattern.matches(path))
					&& this.excluded.stream().noneMatch((pattern) -> pattern.matches(path));
		}

	}

}
