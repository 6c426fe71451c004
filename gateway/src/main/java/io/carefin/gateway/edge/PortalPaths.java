package io.carefin.gateway.edge;

import java.util.List;

/**
 * The paths the portal serves: every path but the API's, the operational endpoints', the
 * issuers' well-known documents' and the gateway's own.
 */
public final class PortalPaths {

	/**
	 * The path patterns that are not the portal's.
	 */
	public static final List<String> EXCLUDED = List.of("/api/**", "/actuator/**", "/.well-known/**", "/_gateway/**");

	private PortalPaths() {
	}

}
