package io.carefin.notification.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a recipient is shown (masked) and counted (a digest of the normalised address)
 * without keeping the address itself in the delivery log.
 */
public final class Recipients {

	private Recipients() {
	}

	/**
	 * The address with all but its edges hidden: {@code j***@example.com},
	 * {@code +*******4567}.
	 */
	public static String mask(Channel channel, String destination) {
		return switch (channel) {
			case EMAIL -> maskEmail(destination.strip());
			case SMS -> maskPhone(destination.strip());
		};
	}

	/**
	 * A stable digest of the normalised address, to count messages per recipient.
	 */
	public static String digest(Channel channel, String destination) {
		String normalised = switch (channel) {
			case EMAIL -> destination.strip().toLowerCase(Locale.ROOT);
			case SMS -> destination.replaceAll("[^0-9]", "");
		};
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha256.digest((channel + ":" + normalised).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String maskEmail(String email) {
		int at = email.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

	private static String maskPhone(String phone) {
		if (phone.length() <= 4) {
			return "****";
		}
		String last4 = phone.substring(phone.length() - 4);
		String prefix = phone.startsWith("+") ? "+" : "";
		return prefix + "*".repeat(phone.length() - 4 - prefix.length()) + last4;
	}

}
