package io.carefin.portal.apply;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A practice's patient link, {@code https://portal.example/apply/BRIGHT-SMILES}: the
 * address browsers reach the portal at (the gateway's {@code X-Forwarded-Proto},
 * {@code -Host} and {@code -Port}, or {@code Forwarded}) and the practice's code.
 */
public final class PatientLinks {

	private PatientLinks() {
	}

	/**
	 * The absolute link to the given practice's application form, as the browser of the
	 * given request reaches the portal.
	 */
	public static String of(HttpServletRequest request, String practiceCode) {
		return origin(request).replacePath(null)
			.replaceQuery(null)
			.fragment(null)
			.pathSegment("apply", practiceCode)
			.encode()
			.build()
			.toUriString();
	}

	private static UriComponentsBuilder origin(HttpServletRequest request) {
		URI own = URI.create(request.getRequestURL().toString());
		try {
			return ForwardedHeaderUtils.adaptFromForwardedHeaders(own,
					new ServletServerHttpRequest(request).getHeaders());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// forwarded headers that make no address: the request's own
			return UriComponentsBuilder.fromUri(own);
		}
	}

}
