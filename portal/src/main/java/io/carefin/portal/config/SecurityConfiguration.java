package io.carefin.portal.config;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.carefin.portal.session.AbsoluteTimeoutFilter;
import io.carefin.portal.staff.StaffPages;
import io.carefin.portal.staff.StaffRole;
import io.carefin.portal.staff.StaffSignIn;
import io.carefin.portal.session.Redirects;
import io.carefin.portal.session.SessionProperties;
import io.carefin.portal.session.SignOut;

/**
 * The portal's browser security: the public pages, the staff console's pages for its
 * roles (signed in through Keycloak), everything else for practice users only; the
 * authentication kept in the server-side session, CSRF tokens on every form (Spring
 * Security's default, which Thymeleaf's {@code th:action} renders), and headers that
 * forbid inline script and style, framing, referrers (links carry tokens) and caching.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String TIMED_OUT = "/?timed-out";

	private static final String[] PRACTICE_ROLES = { "PRACTICE_ADMIN", "PRACTICE_USER" };

	private static final String[] PUBLIC = { "/", "/sign-in", "/mfa", "/mfa/**", "/forgot-user-id", "/forgot-password",
			"/reset-password", "/reset-password/**", "/activate", "/help", "/apply/**", "/css/**", "/js/**",
			"/images/**", "/favicon*.svg", "/webjars/**", "/actuator/health", "/actuator/health/**",
			"/actuator/prometheus", "/error" };

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, SecurityContextRepository contexts,
			SessionProperties sessions, SignOut signOut, Clock clock, StaffSignIn staffSignIn,
			ClientRegistrationRepository registrations) {
		LogoutSuccessHandler staffSignedOut = staffSignIn.staffSignedOut(registrations);
		String staffPolicy = staffSignIn.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
			.permitAll()
			.requestMatchers(StaffSignIn.SIGN_IN_PAGE)
			.permitAll()
			.requestMatchers(StaffPages.SUPPORT)
			.hasRole(StaffRole.SUPPORT.name())
			.requestMatchers(StaffPages.OPS_ADMIN)
			.hasRole(StaffRole.OPS_ADMIN.name())
			.requestMatchers(StaffPages.AUDITOR)
			.hasRole(StaffRole.AUDITOR.name())
			.requestMatchers("/staff", "/staff/**")
			.hasAnyRole(StaffRole.SUPPORT.name(), StaffRole.OPS_ADMIN.name(), StaffRole.AUDITOR.name())
			// a staff session never acts as a practice: every other page is a practice
			// user's
			.anyRequest()
			.hasAnyRole(PRACTICE_ROLES))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(SecurityConfiguration::signInFirst)
				.accessDeniedHandler(SecurityConfiguration::refuse))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.addHeaderWriter((request, response) -> {
					if (request.getRequestURI().startsWith("/staff")) {
						response.setHeader("Content-Security-Policy", staffPolicy);
					}
				}))
			.logout((logout) -> logout.logoutUrl("/sign-out")
				.addLogoutHandler(signOut)
				.logoutSuccessHandler((request, response, authentication) -> {
					if (authentication != null && StaffSignIn.isStaff(authentication)) {
						staffSignedOut.onLogoutSuccess(request, response, authentication);
					}
					else {
						Redirects.to(request, response, "/?signed-out");
					}
				}))
			.addFilterBefore(new AbsoluteTimeoutFilter(sessions, signOut, clock), SecurityContextHolderFilter.class);
		staffSignIn.configure(http, registrations, signOut);
		return http.build();
	}

	/**
	 * A page that needs sign-in: to the sign-in page, saying why when the browser's
	 * session has timed out.
	 */
	private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (request.getRequestURI().startsWith("/staff")) {
			Redirects.to(request, response, StaffSignIn.SIGN_IN_PAGE + (sessionTimedOut(request) ? "?timed-out" : ""));
			return;
		}
		Redirects.to(request, response, sessionTimedOut(request) ? TIMED_OUT : "/");
	}

	/**
	 * A refused form: a missing CSRF token because the session timed out is a timeout;
	 * anything else is a 403 page.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException && sessionTimedOut(request)) {
			Redirects.to(request, response, TIMED_OUT);
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	private static boolean sessionTimedOut(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

}
