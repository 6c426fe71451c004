package io.carefin.auth.token;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents that let anyone verify auth-service's tokens: the JWKS and OIDC
 * discovery.
 */
@RestController
class WellKnownController {

	private final SigningKeys keys;

	private final TokenProperties properties;

	WellKnownController(SigningKeys keys, TokenProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@GetMapping("/.well-known/jwks.json")
	Map<String, Object> jwks() {
		this.keys.signingKey();
		return this.keys.publicKeys().toJSONObject(true);
	}

	@GetMapping("/.well-known/openid-configuration")
	Map<String, Object> discovery() {
		String issuer = this.properties.issuer();
		return Map.of("issuer", issuer, "jwks_uri", issuer + "/.well-known/jwks.json", "token_endpoint",
				issuer + "/api/auth/token/refresh", "id_token_signing_alg_values_supported", List.of("RS256"),
				"subject_types_supported", List.of("public"), "response_types_supported", List.of("token"));
	}

}
