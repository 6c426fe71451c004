/**
 * What a CareFin integration test needs without Docker: a real PostgreSQL from embedded
 * binaries, a real Kafka broker in KRaft mode, and token issuers that publish a JWKS over
 * HTTP and sign real RS256 tokens, so services verify real signatures. Each is started
 * once per test JVM and shared by every Spring context in it.
 */
@NullMarked
package io.carefin.testsupport;

import org.jspecify.annotations.NullMarked;
