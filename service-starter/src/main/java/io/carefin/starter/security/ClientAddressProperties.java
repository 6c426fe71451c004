package io.carefin.starter.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway's requests come from, so that a service believes the client address
 * the gateway names in {@code X-Client-Address} from the gateway only.
 *
 * @param gateways the gateway's addresses or CIDR ranges as the service sees them
 * (loopback by default, as in local mode); a request from anywhere else is counted and
 * audited against its own peer address, whatever header it carries
 */
@ConfigurationProperties("carefin.security.client-address")
public record ClientAddressProperties(@DefaultValue( {
		"127.0.0.0/8", "::1" }) List<String> gateways){

	public ClientAddressProperties {
		gateways = List.copyOf(gateways);
	}

}
