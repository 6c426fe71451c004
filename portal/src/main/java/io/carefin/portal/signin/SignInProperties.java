package io.carefin.portal.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sign-in pages behave.
 *
 * @param codeAttempts wrong codes after which the challenge is over and the user starts
 * again; auth-service ends a challenge after as many
 * ({@code carefin.auth.mfa.max-wrong-tries}) and answers every later try with the same
 * 401, so the portal counts them itself
 */
@ConfigurationProperties("carefin.portal.sign-in")
record SignInProperties(@DefaultValue("5") int codeAttempts) {

}
