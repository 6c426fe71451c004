package io.carefin.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
		return awaitMail(address, 0, matching);
	}

	/**
	 * Waits for a mail to the address, after the first {@code seen} it received, whose
	 * raw text matches, and returns that text.
	 */
	static String awaitMail(String address, int seen, Predicate<String> matching) {
		return awaitNew(() -> mails(address), seen, matching);
	}

	/**
	 * How many mails the address has received.
	 */
	static int mailCount(String address) {
		return mails(address).size();
	}

	/**
	 * Waits for a text message to the number whose body matches, and returns that body.
	 */
	static String awaitSms(String number, Predicate<String> matching) {
		return awaitSms(number, 0, matching);
	}

	/**
	 * Waits for a text message to the number, after the first {@code seen} it received,
	 * whose body matches, and returns that body.
	 */
	static String awaitSms(String number, int seen, Predicate<String> matching) {
		return awaitNew(() -> texts(number), seen, matching);
	}

	/**
	 * How many text messages the number has received.
	 */
	static int smsCount(String number) {
		return texts(number).size();
	}

	private static String awaitNew(Supplier<List<String>> messages, int seen, Predicate<String> matching) {
		List<String> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			List<String> all = messages.get();
			for (String message : all.subList(Math.min(seen, all.size()), all.size())) {
				if (matching.test(message)) {
					Secrets.rememberLinksIn(message);
					found.add(message);
					return true;
				}
			}
			return false;
		});
		return found.getFirst();
	}

	/** The address's mails, oldest first. */
	private static List<String> mails(String address) {
		Api.Reply reply = Api.getAbsolute(MAIL_API + "/api/user/" + address + "/messages/INBOX");
		List<String> mails = new ArrayList<>();
		if (reply.status() == 200) {
			for (JsonNode message : reply.body()) {
				mails.add(decode(message.path("mimeMessage").asString()));
			}
		}
		return mails;
	}

	/** The number's text messages, oldest first (the journal lists the newest first). */
	private static List<String> texts(String number) {
		Api.Reply reply = Api.getAbsolute(SMS_SANDBOX + "/__admin/requests");
		List<String> texts = new ArrayList<>();
		for (JsonNode request : reply.body().path("requests")) {
			String body = URLDecoder.decode(request.path("request").path("body").asString(), StandardCharsets.UTF_8);
			if (body.contains("To=" + number)) {
				texts.addFirst(body);
			}
		}
		return texts;
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
