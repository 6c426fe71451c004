package io.carefin.auth.token;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.starter.security.LocalIssuerKeys;

/**
 * The RSA keys that sign access tokens, kept in the database so that every replica signs
 * with the same key and publishes the same JWKS. The newest key signs; a replaced key
 * stays published until every token it signed has expired. Private keys are stored
 * encrypted.
 */
@Component
public class SigningKeys implements LocalIssuerKeys {

	private static final Duration CACHE_FOR = Duration.ofSeconds(30);

	private static final long CREATE_LOCK = 0x5167_4b65_79L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TokenProperties properties;

	private final KeyEncryption encryption;

	private final Clock clock;

	private volatile Published published = new Published(new JWKSet(), Instant.MIN);

	private volatile @Nullable Signing signing;

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, TokenProperties properties, KeyEncryption encryption,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.encryption = encryption;
		this.clock = clock;
	}

	/**
	 * The key that signs new tokens, created on first use, and kept for a few seconds so
	 * that a sign-in does not read and decrypt it again; another replica's rotation is
	 * seen within that time.
	 */
	RSAKey signingKey() {
		Signing current = this.signing;
		Instant now = this.clock.instant();
		if (current == null || current.loadedAt().plus(CACHE_FOR).isBefore(now)) {
			current = new Signing(loadOrCreate(), now);
			this.signing = current;
		}
		return current.key();
	}

	private RSAKey loadOrCreate() {
		return newest().orElseGet(() -> this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CREATE_LOCK).query().singleRow();
			return newest().orElseGet(this::create);
		}));
	}

	/**
	 * Replaces the signing key with a new one; the old one stays published until its
	 * tokens expire.
	 */
	public void rotate() {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CREATE_LOCK).query().singleRow();
			this.jdbc.sql("UPDATE signing_key SET retired_at = :now WHERE retired_at IS NULL")
				.param("now", utc(this.clock.instant()))
				.update();
			create();
		});
		this.signing = null;
		this.published = new Published(new JWKSet(), Instant.MIN);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void rotateWhenDue() {
		Instant due = this.clock.instant().minus(this.properties.keyRotation());
		boolean old = this.jdbc.sql("SELECT count(*) FROM signing_key WHERE retired_at IS NULL AND created_at > :due")
			.param("due", utc(due))
			.query(Integer.class)
			.single() == 0;
		if (old) {
			rotate();
		}
	}

	/**
	 * The public keys that verify tokens still alive: the signing key and keys replaced
	 * less than an access token's lifetime ago.
	 */
	public JWKSet publicKeys() {
		Instant oldestValid = this.clock.instant().minus(this.properties.accessTokenTtl()).minus(Duration.ofMinutes(1));
		List<JWK> keys = this.jdbc.sql(
				"SELECT public_jwk FROM signing_key WHERE retired_at IS NULL OR retired_at > :oldest ORDER BY created_at DESC")
			.param("oldest", utc(oldestValid))
			.query(String.class)
			.list()
			.stream()
			.map(SigningKeys::parse)
			.toList();
		return new JWKSet(keys);
	}

	@Override
	public String issuerUri() {
		return this.properties.issuer();
	}

	@Override
	public JWKSource<SecurityContext> jwkSource() {
		return (selector, context) -> {
			List<JWK> found = selector.select(cachedPublicKeys(false));
			return found.isEmpty() ? selector.select(cachedPublicKeys(true)) : found;
		};
	}

	private JWKSet cachedPublicKeys(boolean reload) {
		Published current = this.published;
		Instant now = this.clock.instant();
		if (reload || current.loadedAt().plus(CACHE_FOR).isBefore(now)) {
			current = new Published(publicKeys(), now);
			this.published = current;
		}
		return current.keys();
	}

	private java.util.Optional<RSAKey> newest() {
		return this.jdbc.sql(
				"SELECT public_jwk, encrypted_private_key FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")
			.query((row, i) -> withPrivateKey(parse(row.getString("public_jwk")).toRSAKey(),
					this.encryption.decrypt(row.getBytes("encrypted_private_key"))))
			.optional();
	}

	private RSAKey create() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			this.jdbc.sql("""
					INSERT INTO signing_key (kid, public_jwk, encrypted_private_key, created_at)
					VALUES (:kid, :publicJwk, :privateKey, :now)
					""")
				.param("kid", key.getKeyID())
				.param("publicJwk", key.toPublicJWK().toJSONString())
				.param("privateKey", this.encryption.encrypt(pair.getPrivate().getEncoded()))
				.param("now", utc(this.clock.instant()))
				.update();
			return key;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("Could not create a signing key", ex);
		}
	}

	private static RSAKey withPrivateKey(RSAKey publicKey, byte[] pkcs8) {
		try {
			RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read a signing key", ex);
		}
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored public key is not a JWK", ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Published(JWKSet keys, Instant loadedAt) {
	}

	private record Signing(RSAKey key, Instant loadedAt) {
	}

}
