package io.carefin.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import io.carefin.auth.user.Permission;
import io.carefin.auth.user.PracticeUser;

/**
 * Signs practice users' access tokens: who they are, their practice, role and
 * permissions, and the session the token belongs to.
 */
@Component
class AccessTokens {

	private final SigningKeys keys;

	private final TokenProperties properties;

	private volatile @Nullable Signer signer;

	AccessTokens(SigningKeys keys, TokenProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	/**
	 * Signs a token for the user, dated no earlier than the user's not-before, so that a
	 * token issued in the same second as a revocation but after it still works.
	 */
	String issue(PracticeUser user, UUID sessionId, Instant now) {
		Instant notBefore = user.tokensNotBefore();
		Instant issuedAt = (notBefore != null && notBefore.isAfter(now)) ? notBefore : now;
		RSAKey key = this.keys.signingKey();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(user.id().toString())
			.audience(List.of(this.properties.audience()))
			.issuedAt(issuedAt)
			.notBefore(issuedAt)
			.expiresAt(issuedAt.plus(this.properties.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.claim("practice_id", user.practiceId().toString())
			.claim("practice_name", user.practiceName())
			.claim("roles", List.of(user.role().name()))
			.claim("permissions", user.permissions().stream().map(Permission::name).sorted().toList())
			.claim("preferred_username", user.userId())
			.claim("sid", sessionId.toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type("JWT").build();
		return encoder(key).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * An encoder for the signing key, made once per key so that its private key is not
	 * converted for every token.
	 */
	private JwtEncoder encoder(RSAKey key) {
		Signer current = this.signer;
		if (current == null || !current.keyId().equals(key.getKeyID())) {
			current = new Signer(key.getKeyID(), new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))));
			this.signer = current;
		}
		return current.encoder();
	}

	private record Signer(String keyId, JwtEncoder encoder) {
	}

}
