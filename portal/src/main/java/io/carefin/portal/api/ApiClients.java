package io.carefin.portal.api;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The API clients: every call goes to the gateway with the browser's address and
 * correlation id; the signed-in user's calls also carry their bearer token, read from the
 * server-side session at the moment of the call.
 */
@Configuration(proxyBeanMethods = false)
class ApiClients {

	@Bean
	AuthApi authApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock) {
		return client(builder, gateway, clock, AuthApi.class);
	}

	@Bean
	MyAccountApi myAccountApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock, AccessTokens tokens) {
		return client(bearer(builder, tokens), gateway, clock, MyAccountApi.class);
	}

	@Bean
	TransactionsApi transactionsApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock,
			AccessTokens tokens) {
		return client(bearer(builder, tokens), gateway, clock, TransactionsApi.class);
	}

	@Bean
	AccountsApi accountsApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock, AccessTokens tokens) {
		return client(bearer(builder, tokens), gateway, clock, AccountsApi.class);
	}

	@Bean
	ReportsApi reportsApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock, AccessTokens tokens) {
		return client(bearer(builder, tokens), gateway, clock, ReportsApi.class);
	}

	@Bean
	TeamApi teamApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock, AccessTokens tokens) {
		return client(bearer(builder, tokens), gateway, clock, TeamApi.class);
	}

	private static RestClient.Builder bearer(RestClient.Builder builder, AccessTokens tokens) {
		return builder.requestInterceptor((request, body, execution) -> {
			request.getHeaders().setBearerAuth(tokens.current());
			return execution.execute(request, body);
		});
	}

	private static <T> T client(RestClient.Builder builder, GatewayProperties gateway, Clock clock, Class<T> type) {
		return GatewayClients.proxy(GatewayClients.restClient(builder, gateway, clock), type);
	}

}
