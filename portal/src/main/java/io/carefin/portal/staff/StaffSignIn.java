package io.carefin.portal.staff;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import io.carefin.portal.session.ApiSession;
import io.carefin.portal.session.Redirects;
import io.carefin.portal.session.SignOut;

/**
 * The staff sign-in: the portal is a confidential OAuth2 client of the Keycloak realm
 * {@code carefin-staff} (authorization code with PKCE). The tokens stay in the
 * server-side session (an {@link HttpSessionOAuth2AuthorizedClientRepository}, so in
 * PostgreSQL like the rest of the session, and every replica sees them); the staff roles
 * come from the access token's {@code realm_access.roles}; signing out ends the Keycloak
 * session too (RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
public class StaffSignIn {

	/**
	 * The registration's id, in {@code /oauth2/authorization/keycloak} and
	 * {@code /login/oauth2/code/keycloak}.
	 */
	public static final String REGISTRATION = "keycloak";

	/**
	 * The console's own sign-in page, which leads to Keycloak.
	 */
	public static final String SIGN_IN_PAGE = "/staff/sign-in";

	private static final Logger logger = LoggerFactory.getLogger(StaffSignIn.class);

	private static final Set<String> STAFF_ROLES = Set.of("SUPPORT", "OPS_ADMIN", "AUDITOR");

	private final StaffSignInProperties properties;

	StaffSignIn(StaffSignInProperties properties) {
		this.properties = properties;
	}

	@Bean
	ClientRegistrationRepository clientRegistrations() {
		String issuer = this.properties.issuerUri().toString();
		String browser = this.properties.browserIssuer().toString();
		String backChannel = this.properties.backChannel().toString();
		ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(this.properties.clientId())
			.clientSecret(this.properties.clientSecret())
			.clientName("CareFin staff")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(this.properties.returnBase() + "/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.issuerUri(issuer)
			.authorizationUri(browser + "/protocol/openid-connect/auth")
			.tokenUri(backChannel + "/protocol/openid-connect/token")
			.jwkSetUri(backChannel + "/protocol/openid-connect/certs")
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/protocol/openid-connect/logout"))
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
		return new InMemoryClientRegistrationRepository(keycloak);
	}

	/**
	 * The staff's tokens in the browser's session, which lives in PostgreSQL.
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * Hands out the signed-in staff member's access token, renewed with the refresh token
	 * when it is about to expire.
	 */
	@Bean
	OAuth2AuthorizedClientManager staffAuthorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	/**
	 * Adds the staff sign-in and sign-out to the portal's security.
	 */
	public void configure(HttpSecurity http, ClientRegistrationRepository registrations, SignOut practiceSignOut) {
		OAuth2UserService<OidcUserRequest, OidcUser> users = staffMembers(accessTokenDecoder());
		http.oauth2Login((login) -> login.loginPage(SIGN_IN_PAGE)
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(users))
			.successHandler((request, response, authentication) -> signedIn(request, response, practiceSignOut))
			.failureHandler((request, response, exception) -> {
				// the OAuth2 error's code and description name the cause (a state that
				// does not match, a refused code, a token that fails its checks), never a
				// token or code
				String cause = (exception instanceof OAuth2AuthenticationException oauth2)
						? oauth2.getError().getErrorCode() + ": " + oauth2.getError().getDescription()
						: exception.getClass().getSimpleName();
				logger.warn("A staff sign-in did not complete ({})", cause);
				Redirects.to(request, response, SIGN_IN_PAGE + "?failed");
			}));
	}

	/**
	 * What signing out does for a staff session: Keycloak ends its session too and sends
	 * the browser back to the console's sign-in page.
	 */
	public LogoutSuccessHandler staffSignedOut(ClientRegistrationRepository registrations) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri(this.properties.returnBase() + SIGN_IN_PAGE + "?signed-out");
		return handler;
	}

	/**
	 * The console's pages' Content-Security-Policy: the portal's, whose forms may also
	 * end at Keycloak, where signing out continues (browsers apply {@code form-action} to
	 * a form's redirects too).
	 */
	public String contentSecurityPolicy(String portalPolicy) {
		return portalPolicy.replace("form-action 'self'", "form-action 'self' " + this.properties.browserOrigin());
	}

	/**
	 * Whether an authentication is a staff sign-in.
	 */
	public static boolean isStaff(Authentication authentication) {
		return authentication.getPrincipal() instanceof OidcUser;
	}

	private static void signedIn(HttpServletRequest request, HttpServletResponse response, SignOut practiceSignOut)
			throws IOException {
		// a browser still signed in as a practice user stops being one: a staff session
		// never
		// acts as a practice
		HttpSession session = request.getSession(false);
		if (ApiSession.isSignedIn(session)) {
			practiceSignOut.endApiSession(session);
			ApiSession.forget(session);
		}
		Redirects.to(request, response, "/staff");
	}

	private JwtDecoder accessTokenDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSetUri(this.properties.backChannel() + "/protocol/openid-connect/certs")
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.properties.issuerUri().toString()));
		return decoder;
	}

	/**
	 * The staff member from the ID token, with the staff roles the access token carries.
	 */
	private static OAuth2UserService<OidcUserRequest, OidcUser> staffMembers(JwtDecoder accessTokens) {
		OidcUserService delegate = new OidcUserService();
		return (request) -> {
			OidcUser user = delegate.loadUser(request);
			Jwt accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
			Set<GrantedAuthority> authorities = new HashSet<>();
			if (accessToken.getClaim("realm_access") instanceof Map<?, ?> realmAccess
					&& realmAccess.get("roles") instanceof Collection<?> roles) {
				roles.stream()
					.map(String::valueOf)
					.filter(STAFF_ROLES::contains)
					.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
			}
			return new DefaultOidcUser(List.copyOf(authorities), user.getIdToken(), user.getUserInfo(), "sub");
		};
	}

}
