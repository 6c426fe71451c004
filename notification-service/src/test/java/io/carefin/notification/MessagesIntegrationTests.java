package io.carefin.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.testsupport.ServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.transaction.ApplicationApproved;

import static io.carefin.notification.NotificationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each message type goes out through real SMTP or the Twilio-shaped SMS API with the
 * right content: the practice's name, the code or link, and for patients the masked
 * account.
 */
@ServiceIntegrationTest
class MessagesIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void sendsTheSignInCodeByTextMessageThroughTheTwilioApi() {
		String phone = phone();
		String code = code();
		CodeRequested event = publish(NotificationFixtures.code("SMS", phone, code));

		LoggedRequest request = awaitSms(phone);
		assertThat(request.formParameters().get("Body").firstValue()).contains(code).contains(PRACTICE);
		assertThat(request.formParameters().get("From").firstValue()).isEqualTo("+15005550006");
		assertThat(request.getHeader("Authorization")).startsWith("Basic ");
		await().until(() -> "SENT".equals(status(event.eventId())));
		assertThat(request.getHeader("I-Twilio-Idempotency-Token")).isEqualTo(deliveryId(event.eventId()).toString());
		assertThat(this.jdbc.sql("SELECT provider_id FROM delivery WHERE source_event_id = :id")
			.param("id", event.eventId())
			.query(String.class)
			.single()).startsWith("SM");
	}

	@Test
	void sendsTheSignInCodeByEmailAsHtmlAndText() {
		String email = email();
		String code = code();
		publish(NotificationFixtures.code("EMAIL", email, code));

		MimeMessage mail = awaitMail(email);
		assertThat(subject(mail)).isEqualTo("Your Bright Smiles Dental sign-in code");
		assertThat(TestProviders.text(mail)).contains("is " + code + ".").contains("<strong>" + code + "</strong>");
		assertThat(from(mail)).contains("no-reply@carefin.test");
	}

	@Test
	void tellsAUserAboutEveryChangeOfTheirSignInState() {
		String lockedEmail = email();
		publish(locked(lockedEmail, Instant.parse("2026-11-24T15:35:00Z")));
		String permanentEmail = email();
		publish(new io.carefin.contracts.auth.UserLocked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
				BRIGHT_SMILES, PRACTICE, permanentEmail, null));
		String unlockedEmail = email();
		publish(unlocked(unlockedEmail));
		String suspendedEmail = email();
		publish(suspended(suspendedEmail));
		String reactivatedEmail = email();
		publish(reactivated(reactivatedEmail));
		String changedEmail = email();
		publish(passwordChanged(changedEmail));

		assertThat(TestProviders.text(awaitMail(lockedEmail))).contains("after November 24, 2026 at 10:35 AM EST");
		assertThat(TestProviders.text(awaitMail(permanentEmail))).contains("Only CareFin support can unlock it");
		assertThat(subject(awaitMail(unlockedEmail))).isEqualTo("Your Bright Smiles Dental sign-in is unlocked");
		assertThat(TestProviders.text(awaitMail(suspendedEmail))).contains("not used for 90 days");
		assertThat(subject(awaitMail(reactivatedEmail))).contains("active again");
		assertThat(TestProviders.text(awaitMail(changedEmail))).contains("you were signed out everywhere else");
	}

	@Test
	void sendsRecoveryLinksWithTheTokenAsAQueryParameter() {
		String resetEmail = email();
		String resetToken = token();
		publish(reset(resetEmail, resetToken));
		String reminderEmail = email();
		publish(userIdReminder(reminderEmail, "maria.front-desk"));
		String invitedEmail = email();
		String activationToken = token();
		publish(invited(invitedEmail, activationToken));

		assertThat(TestProviders.text(awaitMail(resetEmail)))
			.containsPattern(
					java.util.regex.Pattern.quote("https://portal.test/reset-password?token=" + resetToken) + "\\s")
			.contains("href=\"https://portal.test/reset-password?token=" + resetToken + "\"");
		assertThat(TestProviders.text(awaitMail(reminderEmail))).contains("maria.front-desk");
		MimeMessage invitation = awaitMail(invitedEmail);
		assertThat(subject(invitation)).isEqualTo("You are invited to CareFin by Bright Smiles Dental");
		assertThat(TestProviders.text(invitation)).contains("https://portal.test/activate?token=" + activationToken)
			.contains("new.user");
	}

	@Test
	void tellsPatientsTheDecisionOnTheirApplication() {
		String approvedEmail = email();
		publish(approved(UUID.randomUUID(), approvedEmail));
		String declinedEmail = email();
		publish(declined(declinedEmail));
		String pendingEmail = email();
		publish(pending(pendingEmail));

		assertThat(TestProviders.text(awaitMail(approvedEmail))).contains("Dear Maria")
			.contains("account ****4242 has a credit limit of $5,000.00");
		assertThat(TestProviders.text(awaitMail(declinedEmail)))
			.contains("Existing obligations are too high in relation to income");
		assertThat(subject(awaitMail(pendingEmail))).contains("is being reviewed");
	}

	@Test
	void tellsAPatientWhoseAccountAnotherPracticeNowTakesSoWithoutWelcomingThemToANewOne() {
		UUID account = UUID.randomUUID();
		String email = email();
		ApplicationApproved opened = publish(approved(account, email));
		awaitMail(email);
		ApplicationApproved existing = publish(approvedOnExistingAccount(account, email));
		await().atMost(Duration.ofSeconds(20)).until(() -> TestProviders.mailsTo(email).size() == 2);
		publish(payment(account));
		await().atMost(Duration.ofSeconds(20)).until(() -> TestProviders.mailsTo(email).size() == 3);

		List<MimeMessage> mails = TestProviders.mailsTo(email);
		assertThat(mails.stream().map(MessagesIntegrationTests::subject))
			.filteredOn((subject) -> subject.contains("is approved"))
			.as("one welcome, for the account's opening")
			.hasSize(1);
		MimeMessage taken = mails.stream()
			.filter((mail) -> subject(mail).contains("Lakeside Family Clinic"))
			.findFirst()
			.orElseThrow();
		assertThat(subject(taken)).isEqualTo("Your CareFin account can now be used at Lakeside Family Clinic");
		assertThat(TestProviders.text(taken)).contains("Dear Maria")
			.contains("on the account you already have")
			.contains("****4242")
			.contains("No new account was opened");
		assertThat(template(existing.eventId())).isEqualTo("application-existing-account");
		assertThat(template(opened.eventId())).isEqualTo("application-approved");
		assertThat(mails.stream().map(TestProviders::text)).filteredOn((text) -> text.contains("payment of $150.00"))
			.singleElement()
			.asString()
			.as("the account keeps the practice it was opened at")
			.contains(PRACTICE)
			.doesNotContain("Lakeside");
	}

	@Test
	void remembersThePatientOfAnExistingAccountItHasNotSeenOpened() {
		UUID account = UUID.randomUUID();
		String email = email();
		publish(approvedOnExistingAccount(account, email));
		awaitMail(email);
		publish(purchase(account));

		await().atMost(Duration.ofSeconds(20)).until(() -> TestProviders.mailsTo(email).size() == 2);
		assertThat(TestProviders.mailsTo(email).stream().map(TestProviders::text))
			.anySatisfy((text) -> assertThat(text).contains("charged $1,234.50"));
	}

	@Test
	void sendsPatientsReceiptsAndPromotionRemindersWithTheMaskedAccountOnly() {
		UUID account = UUID.randomUUID();
		String email = email();
		publish(approved(account, email));
		awaitMail(email);

		publish(purchase(account));
		await().until(() -> TestProviders.mailsTo(email).size() == 2);
		publish(refund(account));
		await().until(() -> TestProviders.mailsTo(email).size() == 3);
		publish(payment(account));
		await().until(() -> TestProviders.mailsTo(email).size() == 4);
		for (int days : List.of(60, 30, 7)) {
			publish(endingSoon(account, days));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> TestProviders.mailsTo(email).size() == 7);

		List<String> texts = TestProviders.mailsTo(email).stream().map(TestProviders::text).toList();
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("charged $1,234.50")
			.contains("****4242")
			.contains("Authorization code: A1B2C3")
			.contains("No interest if paid in full within 12 months"));
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("refunded $200.00"));
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("payment of $150.00"));
		for (int days : List.of(60, 30, 7)) {
			assertThat(texts).anySatisfy((text) -> assertThat(text).contains("in " + days + " days")
				.contains("$800.00 of it is still unpaid")
				.contains("avoid $96.12 of deferred interest"));
		}
		assertThat(texts).allSatisfy((text) -> assertThat(text).contains("Bright Smiles Dental")
			.doesNotContain("1980")
			.doesNotContainPattern("\\d{5,}4242"));
	}

	private LoggedRequest awaitSms(String phone) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !TestProviders.sms().findAll(smsTo(phone)).isEmpty());
		return TestProviders.sms().findAll(smsTo(phone)).getFirst();
	}

	static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder smsTo(String phone) {
		return postRequestedFor(urlPathEqualTo(TestProviders.MESSAGES_PATH)).withFormParam("To",
				matching(java.util.regex.Pattern.quote(phone)));
	}

	static MimeMessage awaitMail(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !TestProviders.mailsTo(email).isEmpty());
		return TestProviders.mailsTo(email).getFirst();
	}

	static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String from(MimeMessage mail) {
		try {
			return mail.getFrom()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String status(UUID eventId) {
		return this.jdbc.sql("SELECT status FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private String template(UUID eventId) {
		return this.jdbc.sql("SELECT template FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.single();
	}

	private UUID deliveryId(UUID eventId) {
		return this.jdbc.sql("SELECT id FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(UUID.class)
			.single();
	}

}
