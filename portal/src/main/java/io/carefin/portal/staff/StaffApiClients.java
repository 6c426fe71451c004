package io.carefin.portal.staff;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import io.carefin.portal.api.GatewayClients;
import io.carefin.portal.api.GatewayProperties;

/**
 * The console's API clients: through the gateway like the practice's, with the signed-in
 * staff member's Keycloak access token (Spring Security's OAuth2 client interceptor,
 * which renews it from the session when it is about to expire).
 */
@Configuration(proxyBeanMethods = false)
class StaffApiClients {

	@Bean
	RestClient staffRestClient(RestClient.Builder builder, GatewayProperties gateway, Clock clock,
			OAuth2AuthorizedClientManager staffAuthorizedClientManager,
			OAuth2AuthorizedClientRepository authorizedClients) {
		OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(
				staffAuthorizedClientManager);
		bearer.setClientRegistrationIdResolver((request) -> StaffSignIn.REGISTRATION);
		bearer.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
		return GatewayClients.restClient(builder.clone().requestInterceptor(bearer), gateway, clock);
	}

	@Bean
	SupportApi supportApi(RestClient staffRestClient) {
		return GatewayClients.proxy(staffRestClient, SupportApi.class);
	}

	@Bean
	OpsApi opsApi(RestClient staffRestClient) {
		return GatewayClients.proxy(staffRestClient, OpsApi.class);
	}

	@Bean
	AuditApi auditApi(RestClient staffRestClient) {
		return GatewayClients.proxy(staffRestClient, AuditApi.class);
	}

}
