package io.carefin.notification.channel;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Twilio-compatible SMS provider: where it is and how to sign in to it. There is no
 * default account or token: a deployment must name them.
 *
 * @param baseUrl the provider's API root (a sandbox locally, WireMock in tests)
 * @param accountSid the account to send from, also the basic-auth user
 * @param authToken the basic-auth password
 * @param fromNumber the sending number in E.164
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("carefin.notification.sms")
@Validated
public record SmsProperties(@DefaultValue("http://localhost:8086") URI baseUrl, @NotBlank String accountSid,
		@NotBlank String authToken, @DefaultValue("+15005550006") String fromNumber,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

	@Override
	public String toString() {
		return "SmsProperties[baseUrl=" + this.baseUrl + "]";
	}

}
