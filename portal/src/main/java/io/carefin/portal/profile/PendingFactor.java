package io.carefin.portal.profile;

import java.io.Serializable;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import io.carefin.portal.api.Method;

/**
 * Second factors being set up, as the session keeps them between starting and confirming.
 */
sealed interface PendingFactor extends Serializable {

	/**
	 * An authenticator app waiting for its first code.
	 *
	 * @param secret the shared secret in Base32
	 * @param otpauthUri the URI its QR code carries
	 */
	record App(String secret, String otpauthUri) implements PendingFactor {

		static final String ATTRIBUTE = App.class.getName();

		static @Nullable App in(@Nullable HttpSession session) {
			return (session != null && session.getAttribute(ATTRIBUTE) instanceof App app) ? app : null;
		}

		/**
		 * The secret in groups of four, as people type it.
		 */
		String groupedSecret() {
			return this.secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

		@Override
		public String toString() {
			return "App[]";
		}

	}

	/**
	 * A phone number or e-mail address waiting for the code sent to it.
	 *
	 * @param method text message or e-mail
	 * @param challengeId what the code must be confirmed with
	 * @param destination where the code went, masked
	 * @param phone the phone number as the user typed it, to send a new code
	 */
	record Codes(Method method, UUID challengeId, String destination, @Nullable String phone) implements PendingFactor {

		static final String ATTRIBUTE = Codes.class.getName();

		static @Nullable Codes in(@Nullable HttpSession session) {
			return (session != null && session.getAttribute(ATTRIBUTE) instanceof Codes codes) ? codes : null;
		}

		@Override
		public String toString() {
			return "Codes[method=" + this.method + "]";
		}

	}

}
