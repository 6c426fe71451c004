package io.carefin.notification.message;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every message needs to know about the platform.
 *
 * @param portalUrl where practice users open the links in their e-mails (password reset,
 * activation); the token goes in the {@code token} query parameter
 * @param mailFrom the sender of every e-mail
 */
@ConfigurationProperties("carefin.notification")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI portalUrl,
		@DefaultValue("CareFin <no-reply@carefin.local>") String mailFrom) {

	/**
	 * The portal link to a page with a single-use token, such as
	 * {@code http://localhost:8080/reset-password?token=…}.
	 */
	public String link(String page, String token) {
		String base = this.portalUrl.toString();
		return (base.endsWith("/") ? base : base + "/") + page + "?token=" + token;
	}

}
