/**
 * Wiring only: the service's problem-details advice, and the outbox's serializer that
 * seals events carrying secrets.
 */
@NullMarked
package io.carefin.auth.config;

import org.jspecify.annotations.NullMarked;
