package io.carefin.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway requires of every request and adds to every response.
 *
 * @param maxBodySize the largest request body accepted, by its {@code Content-Length}
 * @param corsAllowedOrigins the browser origins (the portal) allowed to call the API;
 * none by default
 * @param hstsMaxAge how long browsers must keep to HTTPS for this host
 */
@ConfigurationProperties("carefin.gateway.edge")
public record EdgeProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> corsAllowedOrigins,
		@DefaultValue("365d") Duration hstsMaxAge) {

	public EdgeProperties {
		corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
	}

}
