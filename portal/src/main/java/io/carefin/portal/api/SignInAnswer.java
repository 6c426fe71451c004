package io.carefin.portal.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the API answers to a correct sign-in step: the tokens, or a second-factor
 * challenge.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "status")
@JsonSubTypes({ @JsonSubTypes.Type(value = Tokens.class, name = "AUTHENTICATED"),
		@JsonSubTypes.Type(value = SecondFactorRequired.class, name = "MFA_REQUIRED") })
public sealed interface SignInAnswer permits Tokens, SecondFactorRequired {

}
