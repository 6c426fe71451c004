package io.carefin.gateway.route;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per service, by the path prefix it owns.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceUris.class)
class RouteConfiguration {

	@Bean
	RouteLocator serviceRoutes(RouteLocatorBuilder routes, ServiceUris services) {
		return routes.routes()
			.route("auth-service", (route) -> route.path("/api/auth/**").uri(services.authService()))
			.route("transaction-service",
					(route) -> route.path("/api/transactions/**").uri(services.transactionService()))
			.route("account-service", (route) -> route.path("/api/accounts/**").uri(services.accountService()))
			.route("reporting-service", (route) -> route.path("/api/reports/**").uri(services.reportingService()))
			.route("notification-service",
					(route) -> route.path("/api/notifications/**").uri(services.notificationService()))
			.build();
	}

}
