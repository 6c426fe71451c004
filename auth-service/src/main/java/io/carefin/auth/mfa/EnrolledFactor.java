package io.carefin.auth.mfa;

import org.jspecify.annotations.Nullable;

/**
 * A confirmed second factor as its user sees it.
 *
 * @param method how the factor proves the user
 * @param destination where its codes go, masked as in a sign-in challenge; none for an
 * authenticator app
 */
public record EnrolledFactor(Method method, @Nullable String destination) {

}
