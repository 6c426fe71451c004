package io.carefin.portal.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The API's answer to a correct password when a second factor is needed.
 *
 * @param challengeId what the code must be sent with
 * @param methods the ways the user can answer, the API's preferred one first
 * @param destinations where codes go, masked, per method that sends them
 */
public record SecondFactorRequired(UUID challengeId, List<Method> methods,
		Map<Method, String> destinations) implements SignInAnswer {

}
