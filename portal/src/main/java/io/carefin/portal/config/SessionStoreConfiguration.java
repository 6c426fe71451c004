package io.carefin.portal.config;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import io.carefin.portal.session.SessionProperties;

/**
 * Sessions in the portal's PostgreSQL database (Spring Session JDBC; the tables come from
 * a Flyway migration), so any replica serves any browser. The cookie follows the standard
 * {@code server.servlet.session.cookie.*} properties, as Spring Boot's own Spring Session
 * support does; the idle timeout is {@code carefin.portal.session.idle-timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionStoreConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleTimeout(SessionProperties properties) {
		return (repository) -> repository.setDefaultMaxInactiveInterval(properties.idleTimeout());
	}

	/**
	 * Attribute writes as upserts, so two requests of one browser never collide on a new
	 * attribute.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	DefaultCookieSerializer cookieSerializer(ServerProperties server) {
		Cookie cookie = server.getServlet().getSession().getCookie();
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		if (cookie.getName() != null) {
			serializer.setCookieName(cookie.getName());
		}
		if (cookie.getDomain() != null) {
			serializer.setDomainName(cookie.getDomain());
		}
		if (cookie.getPath() != null) {
			serializer.setCookiePath(cookie.getPath());
		}
		if (cookie.getHttpOnly() != null) {
			serializer.setUseHttpOnlyCookie(cookie.getHttpOnly());
		}
		if (cookie.getSecure() != null) {
			serializer.setUseSecureCookie(cookie.getSecure());
		}
		if (cookie.getMaxAge() != null) {
			serializer.setCookieMaxAge((int) cookie.getMaxAge().toSeconds());
		}
		if (cookie.getSameSite() != null) {
			serializer.setSameSite(cookie.getSameSite().attributeValue());
		}
		if (cookie.getPartitioned() != null) {
			serializer.setPartitioned(cookie.getPartitioned());
		}
		return serializer;
	}

	/**
	 * The session filter for error pages too, so that an error page sees the browser's
	 * session rather than the servlet container's.
	 */
	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
			SessionRepositoryFilter<?> filter) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

}
