package io.carefin.auth.mfa;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to a correct password when a second factor is needed.
 *
 * @param status always {@code MFA_REQUIRED}
 * @param challengeId what the code must be sent with
 * @param methods the ways the user can answer
 * @param destinations where codes go, masked
 */
public record MfaRequired(String status, UUID challengeId, List<Method> methods, Map<Method, String> destinations) {

}
