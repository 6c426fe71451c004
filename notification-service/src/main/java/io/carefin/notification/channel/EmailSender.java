package io.carefin.notification.channel;

import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.carefin.notification.message.NotificationProperties;
import io.carefin.notification.message.Rendered;

/**
 * Sends e-mails through SMTP, HTML with a plain-text alternative, from the configured
 * sender.
 */
@Component
public class EmailSender {

	static final String DELIVERY_HEADER = "X-CareFin-Delivery-Id";

	private final JavaMailSender mail;

	private final NotificationProperties properties;

	EmailSender(JavaMailSender mail, NotificationProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	/**
	 * Hands one e-mail to the SMTP server.
	 * @return the e-mail's {@code Message-ID}
	 * @throws ChannelFailure when the server did not take it
	 */
	public String send(UUID deliveryId, String to, Rendered message) {
		MimeMessage mime = this.mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(this.properties.mailFrom());
			helper.setTo(to);
			helper.setSubject((message.subject() != null) ? message.subject() : "");
			helper.setText(message.text(), (message.html() != null) ? message.html() : message.text());
			mime.setHeader(DELIVERY_HEADER, deliveryId.toString());
		}
		catch (MessagingException ex) {
			throw ChannelFailure.rejected("E-mail could not be composed");
		}
		try {
			this.mail.send(mime);
			return mime.getMessageID();
		}
		catch (MailAuthenticationException ex) {
			throw ChannelFailure.unavailable("SMTP server refused our credentials");
		}
		catch (MailSendException ex) {
			boolean refusedRecipient = ex.getFailedMessages()
				.values()
				.stream()
				.anyMatch((cause) -> cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
						&& failed.getInvalidAddresses().length > 0);
			throw refusedRecipient ? ChannelFailure.rejected("SMTP server refused the recipient")
					: ChannelFailure.unavailable("SMTP server unavailable");
		}
		catch (MailException ex) {
			throw ChannelFailure.unavailable("SMTP server unavailable");
		}
		catch (MessagingException ex) {
			throw ChannelFailure.unavailable("SMTP server gave no message id");
		}
	}

}
