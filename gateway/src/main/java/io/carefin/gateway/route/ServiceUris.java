package io.carefin.gateway.route;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service listens; the gateway uses no service registry.
 *
 * @param authService serves {@code /api/auth/**}
 * @param transactionService serves {@code /api/transactions/**}
 * @param accountService serves {@code /api/accounts/**}
 * @param reportingService serves {@code /api/reports/**}
 * @param notificationService serves {@code /api/notifications/**}
 * @param portal serves the browser every other path
 * ({@link io.carefin.gateway.edge.PortalPaths})
 */
@ConfigurationProperties("carefin.gateway.services")
record ServiceUris(URI authService, URI transactionService, URI accountService, URI reportingService,
		URI notificationService, URI portal) {

}
