package io.carefin.portal.api;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * auth-service's team endpoints for a practice administrator: the practice's users,
 * inviting one, and changing a user's role, permissions or access. Calls carry the user's
 * bearer token from the server-side session.
 */
@HttpExchange(url = "/api/auth/users", accept = "application/json")
public interface TeamApi {

	@GetExchange
	List<Member> members();

	@PostExchange
	Member invite(@RequestBody Invitation invitation);

	@PatchExchange("/{userId}")
	Member change(@PathVariable String userId, @RequestBody Access access);

	/**
	 * Sends an invited user who has not chosen a password yet a new invitation; refused
	 * (409) once they have.
	 */
	@PostExchange("/{userId}/invitation")
	void resendInvitation(@PathVariable String userId);

	/**
	 * A user of the practice.
	 *
	 * @param userId what they sign in with
	 * @param email where their notices go
	 * @param role {@code PRACTICE_ADMIN} or {@code PRACTICE_USER}
	 * @param permissions the functions they may use
	 * @param status {@code INVITED}, {@code ACTIVE}, {@code SUSPENDED}, …
	 */
	record Member(String userId, String email, String role, Set<String> permissions, String status) {

		public Member {
			permissions = (permissions != null) ? Set.copyOf(permissions) : Set.of();
		}

		/**
		 * Whether the user was invited and has not chosen a password yet.
		 */
		public boolean invited() {
			return "INVITED".equals(this.status);
		}

		public boolean enabled() {
			return !"SUSPENDED".equals(this.status) && !"DISABLED".equals(this.status);
		}

	}

	/**
	 * An invitation.
	 *
	 * @param userId the new user's User ID
	 * @param email where the invitation goes
	 * @param role their role
	 * @param permissions their permissions
	 */
	record Invitation(String userId, String email, String role, Set<String> permissions) {

	}

	/**
	 * A user's new access.
	 *
	 * @param role their role
	 * @param permissions their permissions
	 * @param enabled whether they may sign in
	 */
	record Access(String role, Set<String> permissions, boolean enabled) {

	}

}
