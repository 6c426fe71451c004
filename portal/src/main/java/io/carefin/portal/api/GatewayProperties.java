package io.carefin.portal.api;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal reaches the public API.
 *
 * @param gatewayUri the gateway's base URI, as the portal (not the browser) reaches it
 */
@ConfigurationProperties("carefin.portal")
public record GatewayProperties(@DefaultValue("http://localhost:8080") URI gatewayUri) {

}
