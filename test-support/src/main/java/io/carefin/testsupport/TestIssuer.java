package io.carefin.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A token issuer for tests: an RSA key whose public half is served as a JWKS over HTTP,
 * and a builder for RS256 access tokens it signs. {@link #PROVIDER} stands in for
 * auth-service and {@link #STAFF} for the Keycloak staff realm; both are trusted by the
 * services under test. {@link #ROGUE} publishes its keys the same way but no service
 * trusts it.
 */
public final class TestIssuer {

	/**
	 * The audience the services under test require.
	 */
	public static final String AUDIENCE = "carefin-api";

	/**
	 * Stands in for auth-service, which signs practice users' tokens.
	 */
	public static final TestIssuer PROVIDER = new TestIssuer("provider");

	/**
	 * Stands in for the Keycloak realm {@code carefin-staff}.
	 */
	public static final TestIssuer STAFF = new TestIssuer("staff");

	/**
	 * A well-formed issuer that no service trusts.
	 */
	public static final TestIssuer ROGUE = new TestIssuer("rogue");

	private static @Nullable HttpServer server;

	private final String name;

	private final RSAKey key;

	private TestIssuer(String name) {
		this.name = name;
		this.key = rsaKey(name);
	}

	/**
	 * The {@code iss} claim of this issuer's tokens.
	 */
	public String issuerUri() {
		return baseUri() + "/" + this.name;
	}

	/**
	 * Where this issuer's public keys are served.
	 */
	public String jwkSetUri() {
		return issuerUri() + "/jwks.json";
	}

	/**
	 * Starts a token for a subject, with this issuer, the services' audience and five
	 * minutes to live.
	 */
	public Token token(String subject) {
		return new Token(this, subject);
	}

	/**
	 * A practice user's token with the given roles, as auth-service would issue it.
	 */
	public String practiceUser(UUID practiceId, String... roles) {
		return practiceToken(practiceId, List.of(roles), List.of()).sign();
	}

	/**
	 * A practice user's token with one role and the given per-function permissions (such
	 * as {@code PROCESS_PURCHASES}), as auth-service would issue it.
	 */
	public String practiceUserWith(UUID practiceId, String role, String... permissions) {
		return practiceToken(practiceId, List.of(role), List.of(permissions)).sign();
	}

	/**
	 * Starts a practice user's token, named "Practice" and the first eight characters of
	 * its id, for tests that add or change claims.
	 */
	public Token practiceToken(UUID practiceId, List<String> roles, List<String> permissions) {
		return token(UUID.randomUUID().toString()).claim("practice_id", practiceId.toString())
			.claim("practice_name", "Practice " + practiceId.toString().substring(0, 8))
			.claim("roles", roles)
			.claim("permissions", permissions);
	}

	/**
	 * A staff member's token with the given realm roles, as Keycloak would issue it.
	 */
	public String staffMember(String... roles) {
		return token(UUID.randomUUID().toString()).claim("realm_access", Map.of("roles", List.of(roles))).sign();
	}

	RSAKey key() {
		return this.key;
	}

	private static synchronized String baseUri() {
		if (server == null) {
			try {
				HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				for (TestIssuer issuer : List.of(PROVIDER, STAFF, ROGUE)) {
					byte[] jwks = new JWKSet(issuer.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
					started.createContext("/" + issuer.name + "/jwks.json", (exchange) -> {
						exchange.getResponseHeaders().add("Content-Type", "application/json");
						exchange.sendResponseHeaders(200, jwks.length);
						try (OutputStream body = exchange.getResponseBody()) {
							body.write(jwks);
						}
					});
				}
				started.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(0)));
				server = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not serve the test issuers' keys", ex);
			}
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static RSAKey rsaKey(String name) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(name + "-" + UUID.randomUUID())
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An access token being built; {@link #sign()} finishes it.
	 */
	public static final class Token {

		private final TestIssuer issuer;

		private final JWTClaimsSet.Builder claims;

		private RSAKey signingKey;

		private @Nullable String keyId;

		private @Nullable URI keySetUrl;

		private @Nullable URI certificateUrl;

		private boolean embedsKey;

		private Token(TestIssuer issuer, String subject) {
			Instant now = Instant.now();
			this.issuer = issuer;
			this.signingKey = issuer.key;
			this.claims = new JWTClaimsSet.Builder().issuer(issuer.issuerUri())
				.subject(subject)
				.audience(AUDIENCE)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
				.jwtID(UUID.randomUUID().toString());
		}

		/**
		 * Sets a claim, replacing one of the same name.
		 */
		public Token claim(String name, @Nullable Object value) {
			this.claims.claim(name, value);
			return this;
		}

		/**
		 * Makes the token one that ran out at the given instant: issued five minutes
		 * before it.
		 */
		public Token expiresAt(Instant expiry) {
			Instant issued = expiry.minus(Duration.ofMinutes(5));
			this.claims.expirationTime(Date.from(expiry)).issueTime(Date.from(issued)).notBeforeTime(null);
			return this;
		}

		/**
		 * Signs with another issuer's key while keeping this issuer's name, as a forger
		 * would.
		 */
		public Token signedWithKeyOf(TestIssuer other) {
			this.signingKey = other.key;
			return this;
		}

		/**
		 * Names another key id in the header than the signing key's, such as one the
		 * issuer never published.
		 */
		public Token keyId(String keyId) {
			this.keyId = keyId;
			return this;
		}

		/**
		 * Points the header's {@code jku} at a key set, as a forger hoping the verifier
		 * fetches keys from there would.
		 */
		public Token keySetUrl(URI url) {
			this.keySetUrl = url;
			return this;
		}

		/**
		 * Points the header's {@code x5u} at a certificate chain.
		 */
		public Token certificateUrl(URI url) {
			this.certificateUrl = url;
			return this;
		}

		/**
		 * Embeds the signing key's public half in the header as {@code jwk}, as a forger
		 * hoping the verifier trusts it would.
		 */
		public Token embeddingSigningKey() {
			this.embedsKey = true;
			return this;
		}

		/**
		 * The token without any signature ({@code alg: none}).
		 */
		public String unsigned() {
			return new PlainJWT(this.claims.build()).serialize();
		}

		/**
		 * The token signed with HS256 using the issuer's public key (PEM) as the shared
		 * secret: the algorithm-confusion attack on verifiers that let the header choose.
		 */
		public String signedWithPublicKeyAsHmacSecret() {
			try {
				String pem = "-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(this.issuer.key.toRSAPublicKey().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n";
				JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
					.keyID(this.issuer.key.getKeyID())
					.build();
				SignedJWT jwt = new SignedJWT(header, this.claims.build());
				jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign a test token for " + this.issuer.name, ex);
			}
		}

		/**
		 * The signed, compact-serialized token.
		 */
		public String sign() {
			try {
				JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
					.keyID((this.keyId != null) ? this.keyId : this.signingKey.getKeyID())
					.jwkURL(this.keySetUrl)
					.x509CertURL(this.certificateUrl);
				if (this.embedsKey) {
					builder.jwk(this.signingKey.toPublicJWK());
				}
				JWSHeader header = builder.build();
				SignedJWT jwt = new SignedJWT(header, this.claims.build());
				jwt.sign(new RSASSASigner(this.signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign a test token for " + this.issuer.name, ex);
			}
		}

	}

	/**
	 * Makes a Spring context trust {@link #PROVIDER} and {@link #STAFF}, and no other
	 * issuer.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("carefin.security.audience=" + AUDIENCE, "carefin.security.issuers[0].kind=PROVIDER",
						"carefin.security.issuers[0].issuer-uri=" + PROVIDER.issuerUri(),
						"carefin.security.issuers[0].jwk-set-uri=" + PROVIDER.jwkSetUri(),
						"carefin.security.issuers[1].kind=STAFF",
						"carefin.security.issuers[1].issuer-uri=" + STAFF.issuerUri(),
						"carefin.security.issuers[1].jwk-set-uri=" + STAFF.jwkSetUri())
				.applyTo(context);
		}

	}

}
