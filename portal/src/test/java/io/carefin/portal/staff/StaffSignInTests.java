package io.carefin.portal.staff;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

import static org.assertj.core.api.Assertions.assertThat;

class StaffSignInTests {

	@Test
	void keycloakSendsTheBrowserBackToThePublicAddressWhenOneIsSet() {
		StaffSignInProperties properties = new StaffSignInProperties(
				URI.create("https://staff-login.example.com/realms/carefin-staff"), null,
				URI.create("http://keycloak:8080/realms/carefin-staff"), URI.create("https://carefin.example.com/"),
				"carefin-portal", "secret");
		ClientRegistration keycloak = new StaffSignIn(properties).clientRegistrations()
			.findByRegistrationId(StaffSignIn.REGISTRATION);
		assertThat(keycloak.getRedirectUri())
			.isEqualTo("https://carefin.example.com/login/oauth2/code/{registrationId}");
		assertThat(keycloak.getProviderDetails().getAuthorizationUri())
			.isEqualTo("https://staff-login.example.com/realms/carefin-staff/protocol/openid-connect/auth");
		assertThat(keycloak.getProviderDetails().getTokenUri())
			.isEqualTo("http://keycloak:8080/realms/carefin-staff/protocol/openid-connect/token");
		assertThat(keycloak.getProviderDetails().getIssuerUri())
			.isEqualTo("https://staff-login.example.com/realms/carefin-staff");
		assertThat(keycloak.getClientSettings().isRequireProofKey()).isTrue();
	}

	@Test
	void withoutAPublicAddressTheRequestsOwnIsUsed() {
		StaffSignInProperties properties = new StaffSignInProperties(
				URI.create("http://localhost:8180/realms/carefin-staff"), null, null, null, "carefin-portal", "secret");
		assertThat(new StaffSignIn(properties).clientRegistrations()
			.findByRegistrationId(StaffSignIn.REGISTRATION)
			.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
	}

}
