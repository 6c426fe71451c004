package io.carefin.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The development inbox (GreenMail's API) and the SMS sandbox (WireMock's request
 * journal), read as a developer would.
 */
final class Mailbox {

	private static final String MAIL_API = "http://localhost:8025";

	private static final String SMS_SANDBOX = "http://localhost:8090";

	private Mailbox() {
	}

	/**
	 * Waits for a mail to the address whose raw text matches, and returns that text.
	 */
	static String awaitMail(String address, Predicate<String> matching) {
		List<String> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Api.Reply reply = Api.getAbsolute(MAIL_API + "/api/user/" + address + "/messages/INBOX");
			if (reply.status() != 200) {
				return false;
			}
			for (JsonNode message : reply.body()) {
				String text = decode(message.path("mimeMessage").asString());
				if (matching.test(text)) {
					found.add(text);
					return true;
				}
			}
			return false;
		});
		return found.getFirst();
	}

	/**
	 * Waits for a text message to the number whose body matches, and returns that body.
	 */
	static String awaitSms(String number, Predicate<String> matching) {
		List<String> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Api.Reply reply = Api.getAbsolute(SMS_SANDBOX + "/__admin/requests");
			for (JsonNode request : reply.body().path("requests")) {
				String body = java.net.URLDecoder.decode(request.path("request").path("body").asString(),
						java.nio.charset.StandardCharsets.UTF_8);
				if (body.contains("To=" + number) && matching.test(body)) {
					found.add(body);
					return true;
				}
			}
			return false;
		});
		return found.getFirst();
	}

	/**
	 * Undoes quoted-printable soft line breaks and escapes, so that links and codes read
	 * as sent.
	 */
	private static String decode(String mime) {
		String joined = mime.replace("=\r\n", "").replace("=\n", "");
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < joined.length(); i++) {
			char c = joined.charAt(i);
			if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
				text.append((char) Integer.parseInt(joined.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

}
