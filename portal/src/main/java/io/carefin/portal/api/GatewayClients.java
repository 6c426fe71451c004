package io.carefin.portal.api;

import java.time.Clock;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * How every API client of the portal reaches the gateway: its base URI, the browser's
 * address and request id, and the API's errors as exceptions; the practice's and the
 * staff's clients differ only in whose bearer token they add.
 */
public final class GatewayClients {

	private GatewayClients() {
	}

	/**
	 * A client of the gateway, from a builder that may already add a bearer token.
	 */
	public static RestClient restClient(RestClient.Builder builder, GatewayProperties gateway, Clock clock) {
		ApiErrors errors = new ApiErrors(clock);
		return builder.baseUrl(gateway.gatewayUri().toString())
			.requestInterceptor(new ForwardingInterceptor())
			.defaultStatusHandler(HttpStatusCode::isError, errors::raise)
			.build();
	}

	/**
	 * An {@code @HttpExchange} interface on the given client.
	 */
	public static <T> T proxy(RestClient client, Class<T> type) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(type);
	}

}
