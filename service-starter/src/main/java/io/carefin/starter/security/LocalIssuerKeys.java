package io.carefin.starter.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The public keys of a trusted issuer that lives in this very service, so that its tokens
 * are verified in-process rather than by fetching the service's own JWKS over HTTP. Only
 * auth-service, which signs practice users' tokens, declares one.
 */
public interface LocalIssuerKeys {

	/**
	 * The issuer whose keys these are; it must also be one of the configured trusted
	 * issuers.
	 */
	String issuerUri();

	/**
	 * The issuer's current and recently retired public keys.
	 */
	JWKSource<SecurityContext> jwkSource();

}
