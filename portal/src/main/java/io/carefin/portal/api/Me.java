package io.carefin.portal.api;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in practice user, as {@code GET /api/auth/me} describes them.
 *
 * @param userId what they sign in with
 * @param email where their notices go
 * @param practice their practice
 * @param roles their roles, such as {@code PRACTICE_ADMIN}
 * @param permissions the functions they may use, such as {@code PROCESS_PURCHASES}
 * @param factors their enrolled second factors
 * @param secondFactorRequired whether their practice requires a second factor of every
 * user (without one of their own, they get codes by e-mail); absent from older
 * auth-service versions
 */
public record Me(String userId, String email, Practice practice, List<String> roles, List<String> permissions,
		List<Factor> factors, @Nullable Boolean secondFactorRequired) {

	public Me {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
		factors = (factors != null) ? List.copyOf(factors) : List.of();
	}

	/**
	 * A practice.
	 *
	 * @param id its identifier
	 * @param name its name
	 * @param code the code in its patients' application link ({@code /apply/{code}}),
	 * such as {@code BRIGHT-SMILES}; absent when it has none or from older auth-service
	 * versions
	 */
	public record Practice(UUID id, String name, @Nullable String code) {

		/**
		 * A practice without a code.
		 */
		public Practice(UUID id, String name) {
			this(id, name, null);
		}

	}

	/**
	 * An enrolled second factor.
	 *
	 * @param method how it proves the user
	 * @param destination where its codes go, masked; none for an authenticator app
	 */
	public record Factor(Method method, @Nullable String destination) {

	}

}
