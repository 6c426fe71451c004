package io.carefin.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The real SMTP server (GreenMail) and the SMS provider (WireMock speaking Twilio's
 * Messages API) every test context of this module sends to, started once per JVM and
 * pointed at by each context.
 */
public final class TestProviders {

	static final String ACCOUNT_SID = "ACtest0000000000000000000000000000";

	static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp = startSmtp();

	private static final WireMockServer sms = startSms();

	private TestProviders() {
	}

	/**
	 * The SMS provider's stand-in.
	 */
	public static WireMockServer sms() {
		return sms;
	}

	/**
	 * Stops the SMTP server: connections are refused until {@link #startSmtp()}.
	 */
	public static synchronized void stopSmtp() {
		smtp.stop();
	}

	/**
	 * Starts a fresh SMTP server on the same port.
	 */
	public static synchronized GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		smtp = server;
		return server;
	}

	/**
	 * The e-mails the SMTP server received for one address.
	 */
	public static synchronized List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return Stream.of(mail.getRecipients(RecipientType.TO))
					.anyMatch((to) -> to.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Every text part of an e-mail, decoded: the plain text and the HTML.
	 */
	public static String text(MimeMessage mail) {
		try {
			return text(mail.getContent());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object content) throws MessagingException, IOException {
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	/**
	 * Makes the SMS provider accept every message again, as Twilio does, with a fresh
	 * {@code sid}.
	 */
	public static void smsAcceptsEverything() {
		sms.resetAll();
		sms.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).atPriority(10)
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
				.withTransformers("response-template")));
	}

	private static WireMockServer startSms() {
		WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		WireMock.configureFor("127.0.0.1", server.port());
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Points every test context at the test providers, with short retries.
	 */
	static class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			smsAcceptsEverything();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testProviders",
						Map.ofEntries(Map.entry("spring.mail.host", "127.0.0.1"),
								Map.entry("spring.mail.port", SMTP_PORT),
								Map.entry("carefin.notification.sms.base-url", "http://127.0.0.1:" + sms.port()),
								Map.entry("carefin.notification.sms.account-sid", ACCOUNT_SID),
								Map.entry("carefin.notification.sms.auth-token", "test-auth-token"),
								Map.entry("carefin.notification.sms.from-number", "+15005550006"),
								Map.entry("carefin.notification.portal-url", "https://portal.test"),
								Map.entry("carefin.notification.mail-from", "CareFin <no-reply@carefin.test>"),
								Map.entry("carefin.notification.delivery.attempts", "10"),
								Map.entry("carefin.notification.delivery.initial-backoff", "100ms"),
								Map.entry("carefin.notification.delivery.max-backoff", "1s"),
								Map.entry("carefin.notification.breaker.wait-in-open-state", "300ms"),
								Map.entry("carefin.notification.breaker.max-wait-for-permission", "5s"),
								Map.entry("carefin.account-numbers.lookup-key",
										"Y2FyZWZpbi10ZXN0LWxvb2t1cC1rZXktMzItYnl0ZXMh"))));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
