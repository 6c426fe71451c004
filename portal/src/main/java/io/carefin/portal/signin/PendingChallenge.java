package io.carefin.portal.signin;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import io.carefin.portal.api.Method;
import io.carefin.portal.api.SecondFactorRequired;

/**
 * A sign-in waiting for its second factor, as the browser's session keeps it between the
 * password and the code.
 *
 * @param challengeId the API's challenge
 * @param methods the ways the user can answer
 * @param destinations where codes go, masked
 * @param current the way the page currently asks for
 * @param wrongCodes wrong codes so far
 */
record PendingChallenge(UUID challengeId, List<Method> methods, Map<Method, String> destinations, Method current,
		int wrongCodes) implements Serializable {

	static final String ATTRIBUTE = PendingChallenge.class.getName();

	PendingChallenge {
		methods = List.copyOf(methods);
		destinations = Map.copyOf(destinations);
	}

	/**
	 * A new challenge, asking first for what auth-service asks for first: the
	 * authenticator app when there is one (no code is sent then), else the first method
	 * that was sent a code.
	 */
	static PendingChallenge of(SecondFactorRequired required) {
		Method first = required.methods().contains(Method.TOTP) ? Method.TOTP
				: required.methods()
					.stream()
					.filter(Method::sendsCodes)
					.min(Comparator.naturalOrder())
					.orElse(required.methods().isEmpty() ? Method.EMAIL : required.methods().getFirst());
		return new PendingChallenge(required.challengeId(), required.methods(), required.destinations(), first, 0);
	}

	static @Nullable PendingChallenge in(@Nullable HttpSession session) {
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof PendingChallenge challenge) ? challenge
				: null;
	}

	void storeIn(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	static void removeFrom(@Nullable HttpSession session) {
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

	PendingChallenge using(Method method) {
		return new PendingChallenge(this.challengeId, this.methods, this.destinations, method, this.wrongCodes);
	}

	PendingChallenge withWrongCode() {
		return new PendingChallenge(this.challengeId, this.methods, this.destinations, this.current,
				this.wrongCodes + 1);
	}

	@Nullable String destination(Method method) {
		return this.destinations.get(method);
	}

}
